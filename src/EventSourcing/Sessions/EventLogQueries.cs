using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>The read statements on the event log that sessions need.</summary>
internal sealed class EventLogQueries(EventReader reader)
{
    private const string FetchStreamSql = $"SELECT {EventReader.Columns} FROM events WHERE stream_id = $1 AND ($2 = 0 OR version <= $2) ORDER BY version";

    public async Task<IReadOnlyList<IEvent>> FetchStreamAsync(QuerySession session, string streamId, long version, CancellationToken token)
    {
        await using var borrowed = await session.BorrowAsync(token);
        await using var command = new NpgsqlCommand(FetchStreamSql, borrowed.Connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        await using var rows = await command.ExecuteReaderAsync(token);
        return await reader.ReadAllAsync(rows, token);
    }

    public static async Task<StreamState?> FetchStreamStateAsync(QuerySession session, string streamId, CancellationToken token)
    {
        await using var borrowed = await session.BorrowAsync(token);
        await using var command = new NpgsqlCommand("SELECT id, version, type, tenant_id, created, archived FROM streams WHERE id = $1", borrowed.Connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        await using var rows = await command.ExecuteReaderAsync(token);
        if (!await rows.ReadAsync(token))
            return null;
        return new StreamState(rows.GetString(0), rows.GetInt64(1),
            rows.IsDBNull(2) ? null : rows.GetString(2),
            rows.IsDBNull(3) ? null : rows.GetString(3),
            rows.GetFieldValue<DateTimeOffset>(4), rows.GetBoolean(5));
    }
}
