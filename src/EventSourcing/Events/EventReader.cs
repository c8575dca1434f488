using System.Text.Json;
using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>Turns events-table rows into IEvents: one column list for every reader, bodies deserialised by alias.</summary>
internal sealed class EventReader(EventTypeRegistry registry, JsonSerializerOptions serializer)
{
    public const string Columns = "seq_id, id, stream_id, version, type, data, timestamp, tx_id, correlation_id, causation_id, traceparent, tenant_id, actor";

    public async Task<List<IEvent>> ReadAllAsync(NpgsqlDataReader reader, CancellationToken token)
    {
        var events = new List<IEvent>();
        while (await reader.ReadAsync(token))
            events.Add(Read(reader));
        return events;
    }

    public StoredEvent Read(NpgsqlDataReader reader)
    {
        var alias = reader.GetString(4);
        var json = reader.GetString(5);
        var type = registry.TypeFor(alias);
        // An alias this process does not know (written by a newer version) stays readable as raw JSON.
        var data = type is null
            ? JsonSerializer.Deserialize<JsonElement>(json, serializer)
            : JsonSerializer.Deserialize(json, type, serializer)!;
        return new StoredEvent
        {
            Sequence = reader.GetInt64(0),
            Id = reader.GetGuid(1),
            StreamId = reader.GetString(2),
            Version = reader.GetInt64(3),
            EventTypeName = alias,
            Data = data,
            EventType = type ?? typeof(JsonElement),
            Timestamp = reader.GetFieldValue<DateTimeOffset>(6),
            TransactionId = reader.GetFieldValue<ulong>(7),
            CorrelationId = NullableString(reader, 8),
            CausationId = NullableString(reader, 9),
            TraceParent = NullableString(reader, 10),
            TenantId = NullableString(reader, 11),
            Actor = NullableString(reader, 12),
        };
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
