using System.Text.Json.Serialization;
using Npgsql;

namespace Outreach.Dashboard.EventStreams;

/// <summary>One line of the latest-events list.</summary>
public sealed record EventSummary(
    long Sequence,
    Guid Id,
    string StreamId,
    long Version,
    string Type,
    DateTimeOffset Timestamp,
    string? TenantId,
    string? Actor,
    [property: JsonPropertyName("traceparent")] string? TraceParent)
{
    public string? TraceId => TraceLink.TraceIdOf(TraceParent);
}

/// <summary>The newest events of one store, optionally only those whose type or stream id contains a text.</summary>
public static class LatestEvents
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    // Newest first on the primary key; the search is a plain substring match, case-insensitive, on type or stream id.
    private const string Sql = """
        SELECT seq_id, id, stream_id, version, type, timestamp, tenant_id, actor, traceparent
        FROM events
        WHERE $1::text IS NULL OR type ILIKE $1 ESCAPE '\' OR stream_id ILIKE $1 ESCAPE '\'
        ORDER BY seq_id DESC
        LIMIT $2
        """;

    public static async Task<IReadOnlyList<EventSummary>> ReadAsync(NpgsqlConnection connection, string? search, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = string.IsNullOrWhiteSpace(search) ? null : $"%{EscapeLike(search.Trim())}%" });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Clamp(limit, 1, MaxLimit) });
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<EventSummary>();
        while (await rows.ReadAsync(cancellationToken))
        {
            events.Add(new EventSummary(
                rows.GetInt64(0),
                rows.GetGuid(1),
                rows.GetString(2),
                rows.GetInt64(3),
                rows.GetString(4),
                rows.GetFieldValue<DateTimeOffset>(5),
                rows.IsDBNull(6) ? null : rows.GetString(6),
                rows.IsDBNull(7) ? null : rows.GetString(7),
                rows.IsDBNull(8) ? null : rows.GetString(8)));
        }

        return events;
    }

    /// <summary>So a search for "seat_" matches the underscore itself, not any character.</summary>
    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
