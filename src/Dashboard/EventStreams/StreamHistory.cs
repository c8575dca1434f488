using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;

namespace Outreach.Dashboard.EventStreams;

/// <summary>A stream's row in <c>streams</c>.</summary>
public sealed record StreamRow(string Id, string? Type, long Version, string? TenantId, DateTimeOffset Created, bool Archived);

/// <summary>One event of a stream with everything the store keeps about it.</summary>
public sealed record StreamEvent(
    long Sequence,
    Guid Id,
    long Version,
    string Type,
    DateTimeOffset Timestamp,
    JsonElement Data,
    string? CorrelationId,
    string? CausationId,
    [property: JsonPropertyName("traceparent")] string? TraceParent,
    string? TenantId,
    string? Actor)
{
    public string? TraceId => TraceLink.TraceIdOf(TraceParent);
}

/// <summary>A stream and its events in version order; <see cref="Truncated"/> when it has more than were read.</summary>
public sealed record StreamHistoryResult(StreamRow Stream, IReadOnlyList<StreamEvent> Events, bool Truncated);

public static class StreamHistory
{
    /// <summary>A page stays readable and bounded even for a stream someone appended to without end.</summary>
    public const int MaxEvents = 2000;

    private const string StreamSql = "SELECT id, type, version, tenant_id, created, archived FROM streams WHERE id = $1";

    private const string EventsSql = """
        SELECT seq_id, id, version, type, timestamp, data::text, correlation_id, causation_id, traceparent, tenant_id, actor
        FROM events WHERE stream_id = $1 ORDER BY version LIMIT $2
        """;

    /// <summary>Null when there is no such stream.</summary>
    public static async Task<StreamHistoryResult?> ReadAsync(NpgsqlConnection connection, string streamId, CancellationToken cancellationToken)
    {
        var stream = await ReadStreamAsync(connection, streamId, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        await using var command = new NpgsqlCommand(EventsSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = MaxEvents + 1 });
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StreamEvent>();
        while (await rows.ReadAsync(cancellationToken))
        {
            using var data = JsonDocument.Parse(rows.GetString(5));
            events.Add(new StreamEvent(
                rows.GetInt64(0),
                rows.GetGuid(1),
                rows.GetInt64(2),
                rows.GetString(3),
                rows.GetFieldValue<DateTimeOffset>(4),
                data.RootElement.Clone(),
                NullableString(rows, 6),
                NullableString(rows, 7),
                NullableString(rows, 8),
                NullableString(rows, 9),
                NullableString(rows, 10)));
        }

        var truncated = events.Count > MaxEvents;
        return new StreamHistoryResult(stream, truncated ? events[..MaxEvents] : events, truncated);
    }

    private static async Task<StreamRow?> ReadStreamAsync(NpgsqlConnection connection, string streamId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(StreamSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        if (!await rows.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StreamRow(rows.GetString(0), NullableString(rows, 1), rows.GetInt64(2), NullableString(rows, 3),
            rows.GetFieldValue<DateTimeOffset>(4), rows.GetBoolean(5));
    }

    private static string? NullableString(NpgsqlDataReader rows, int ordinal) => rows.IsDBNull(ordinal) ? null : rows.GetString(ordinal);
}
