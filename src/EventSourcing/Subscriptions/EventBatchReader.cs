using Npgsql;
using NpgsqlTypes;

namespace Outreach.EventSourcing;

/// <summary>One read of a subscription: the next events below the transaction horizon, plus what the runner needs to decide how long to wait.</summary>
internal sealed record EventBatch(IReadOnlyList<IEvent> Events, ulong Horizon, bool Pending, long Head);

/// <summary>
/// Reads the next batch after a cursor. Only events of transactions older than every running one
/// (tx_id &lt; pg_snapshot_xmin) are read: that set can no longer change, so ordering it by (tx_id, seq_id) and
/// resuming after the last pair never skips a late commit, and a rolled-back seq_id is simply never seen.
/// </summary>
internal sealed class EventBatchReader
{
    private readonly DocumentStore _store;
    private readonly int _batchSize;
    private readonly string[]? _types;
    private readonly string _eventsSql;

    public EventBatchReader(DocumentStore store, EventSubscription subscription)
    {
        _store = store;
        _batchSize = subscription.BatchSize;
        _types = subscription.IncludedTypes.Count == 0 ? null : subscription.IncludedTypes.Select(store.Options.Events.AliasFor).ToArray();
        var filter = _types is null ? "" : "AND type = ANY($4)";
        _eventsSql = $"""
            SELECT {EventReader.Columns} FROM events
            WHERE (tx_id, seq_id) > ($1, $2) AND tx_id < pg_snapshot_xmin(pg_current_snapshot()) {filter}
            ORDER BY tx_id, seq_id LIMIT $3
            """;
    }

    public async Task<EventBatch> ReadAsync(NpgsqlConnection connection, SubscriptionCursor after, CancellationToken token)
    {
        await using var batch = new NpgsqlBatch(connection);
        // Read first, so the events statement's horizon is at least this one: everything below it is final.
        // The cursor is always below an earlier horizon, so committed events at or above the horizon are all that
        // is pending. max() keeps both look-ups on an index even before the table has statistics.
        var state = new NpgsqlBatchCommand("""
            SELECT pg_snapshot_xmin(pg_current_snapshot()),
                   coalesce((SELECT max(tx_id) FROM events) >= pg_snapshot_xmin(pg_current_snapshot()), false),
                   coalesce((SELECT max(seq_id) FROM events), 0)
            """);
        var events = new NpgsqlBatchCommand(_eventsSql);
        AddCursor(events, after);
        events.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _batchSize });
        if (_types is not null)
            events.Parameters.Add(new NpgsqlParameter { Value = _types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        batch.BatchCommands.Add(state);
        batch.BatchCommands.Add(events);

        await using var reader = await batch.ExecuteReaderAsync(token);
        await reader.ReadAsync(token);
        var horizon = reader.GetFieldValue<ulong>(0);
        var pending = reader.GetBoolean(1);
        var head = reader.GetInt64(2);
        await reader.NextResultAsync(token);
        var read = await _store.Reader.ReadAllAsync(reader, token);
        return new EventBatch(read, horizon, pending, head);
    }

    private static void AddCursor(NpgsqlBatchCommand command, SubscriptionCursor after)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Sequence });
    }
}
