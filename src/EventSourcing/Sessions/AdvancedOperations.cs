using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>Store-wide operations (Marten's store.Advanced).</summary>
public sealed class AdvancedOperations
{
    private readonly DocumentStore _store;

    internal AdvancedOperations(DocumentStore store) => _store = store;

    /// <summary>The store's NpgsqlDataSource, for tools and tests.</summary>
    public NpgsqlDataSource DataSource => _store.DataSource;

    /// <summary>Applies missing migrations now (they also run at startup and on first use).</summary>
    public Task ApplyMigrationsAsync(CancellationToken token = default) => _store.EnsureSchemaAsync(token);

    /// <summary>Rebuilds the inline projection of type <typeparamref name="T"/> from the log. Resumes an interrupted rebuild.</summary>
    public Task RebuildProjectionAsync<T>(CancellationToken token = default) where T : EventProjection
    {
        var matches = _store.Options.Projections.All.OfType<T>().ToList();
        return matches.Count switch
        {
            1 => RebuildAsync(matches[0], token),
            0 => throw new InvalidOperationException($"No projection of type {typeof(T).Name} is registered."),
            _ => throw new InvalidOperationException($"Several projections of type {typeof(T).Name} are registered; rebuild one by name."),
        };
    }

    /// <summary>Rebuilds the named inline projection from the log. Resumes an interrupted rebuild.</summary>
    public Task RebuildProjectionAsync(string projectionName, CancellationToken token = default)
    {
        var projection = _store.Options.Projections.All.FirstOrDefault(p => p.Name == projectionName)
            ?? throw new InvalidOperationException($"No projection named '{projectionName}' is registered.");
        return RebuildAsync(projection, token);
    }

    /// <summary>Events replayed per committed batch during a rebuild.</summary>
    public int RebuildBatchSize { get; set; } = 1000;

    private Task RebuildAsync(EventProjection projection, CancellationToken token) =>
        new ProjectionRebuilder(_store, projection, RebuildBatchSize).RunAsync(token);

    /// <summary>Checkpoint, head and lag of every subscription that has ever run against this database.</summary>
    public async Task<IReadOnlyList<SubscriptionProgress>> GetSubscriptionProgressAsync(CancellationToken token = default)
    {
        await _store.EnsureSchemaAsync(token);
        await using var connection = await _store.DataSource.OpenConnectionAsync(token);
        var held = new HashSet<long>();
        await using (var locks = new NpgsqlCommand(
            "SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection))
        await using (var reader = await locks.ExecuteReaderAsync(token))
        {
            while (await reader.ReadAsync(token))
                held.Add(reader.GetInt64(0));
        }

        await using var command = new NpgsqlCommand("""
            SELECT c.name, c.seq_id, c.tx_id, c.updated_at,
                   coalesce((SELECT max(seq_id) FROM events), 0),
                   (SELECT count(*) FROM events e WHERE (e.tx_id, e.seq_id) > (c.tx_id, c.seq_id))
            FROM subscription_checkpoints c ORDER BY c.name
            """, connection);
        await using var rows = await command.ExecuteReaderAsync(token);
        var progress = new List<SubscriptionProgress>();
        while (await rows.ReadAsync(token))
        {
            var name = rows.GetString(0);
            progress.Add(new SubscriptionProgress(name, rows.GetInt64(1), rows.GetFieldValue<ulong>(2), rows.GetInt64(4), rows.GetInt64(5),
                rows.GetFieldValue<DateTimeOffset>(3), held.Contains(LockKeys.Subscription(name))));
        }
        return progress;
    }
}
