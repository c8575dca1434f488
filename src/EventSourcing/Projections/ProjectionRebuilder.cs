using Npgsql;
using NpgsqlTypes;

namespace Outreach.EventSourcing;

/// <summary>
/// Replays the log into an inline projection's tables, resumably:
/// <list type="number">
/// <item>Start (once): under the projection's exclusive lock, reset the tables and record "rebuilding". From then on
/// appenders skip this projection (they check the record under the shared lock), so the replay owns the tables.</item>
/// <item>Replay below the transaction horizon in batches, each committed with its progress. Interrupted? Call again:
/// it continues from the last committed batch.</item>
/// <item>Finish under the exclusive lock: every appender that skipped the projection has committed, so the rest of
/// the log is final; apply it, delete the record, and appenders project inline again.</item>
/// </list>
/// </summary>
internal sealed class ProjectionRebuilder(DocumentStore store, EventProjection projection, int batchSize)
{
    private readonly string[] _types = projection.HandledTypes.Select(store.Options.Events.AliasFor).ToArray();

    public async Task RunAsync(CancellationToken token)
    {
        await store.EnsureSchemaAsync(token);
        using var activity = EventStoreTelemetry.Source.StartActivity("rebuild projection");
        activity?.SetTag("outreach.eventsourcing.projection", projection.Name);

        await using var connection = await store.DataSource.OpenConnectionAsync(token);
        // One rebuild of a projection at a time, across all replicas; a second caller waits, then finds it done.
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock($1)", token, LockKeys.Rebuild(projection.Name));
        try
        {
            var cursor = await StartOrResumeAsync(connection, token);
            if (cursor is null)
                return;
            var position = cursor.Value;
            while (true)
            {
                await using var transaction = await connection.BeginTransactionAsync(token);
                var events = await ReadAsync(connection, transaction, position, belowHorizon: true, token);
                if (events.Count > 0)
                {
                    await ApplyAsync(connection, transaction, events, token);
                    position = SubscriptionCursor.After(events[^1]);
                    await ExecuteAsync(connection, transaction,
                        "UPDATE projection_rebuilds SET tx_id = $2, seq_id = $3, updated_at = now() WHERE name = $1",
                        token, projection.Name, position.TransactionId, position.Sequence);
                }
                await transaction.CommitAsync(token);
                if (events.Count < batchSize)
                    break;
            }
            await FinishAsync(connection, position, token);
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
                await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock($1)", CancellationToken.None, LockKeys.Rebuild(projection.Name));
        }
    }

    /// <summary>The saved progress, or a fresh start (tables reset); null when nothing is to be done.</summary>
    private async Task<SubscriptionCursor?> StartOrResumeAsync(NpgsqlConnection connection, CancellationToken token)
    {
        await using var transaction = await connection.BeginTransactionAsync(token);
        await using (var command = new NpgsqlCommand("SELECT tx_id, seq_id FROM projection_rebuilds WHERE name = $1", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = projection.Name });
            await using var reader = await command.ExecuteReaderAsync(token);
            if (await reader.ReadAsync(token))
                return new SubscriptionCursor(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
        }
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", token, LockKeys.Projection(projection.Name));
        await projection.ResetAsync(new SqlContext(connection, transaction, token));
        await ExecuteAsync(connection, transaction, "INSERT INTO projection_rebuilds (name) VALUES ($1)", token, projection.Name);
        await transaction.CommitAsync(token);
        return SubscriptionCursor.Start;
    }

    private async Task FinishAsync(NpgsqlConnection connection, SubscriptionCursor position, CancellationToken token)
    {
        await using var transaction = await connection.BeginTransactionAsync(token);
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", token, LockKeys.Projection(projection.Name));
        while (true)
        {
            var events = await ReadAsync(connection, transaction, position, belowHorizon: false, token);
            if (events.Count > 0)
            {
                await ApplyAsync(connection, transaction, events, token);
                position = SubscriptionCursor.After(events[^1]);
            }
            if (events.Count < batchSize)
                break;
        }
        await ExecuteAsync(connection, transaction, "DELETE FROM projection_rebuilds WHERE name = $1", token, projection.Name);
        await transaction.CommitAsync(token);
    }

    private async Task<IReadOnlyList<IEvent>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        SubscriptionCursor after, bool belowHorizon, CancellationToken token)
    {
        var horizon = belowHorizon ? "AND tx_id < pg_snapshot_xmin(pg_current_snapshot())" : "";
        await using var command = new NpgsqlCommand($"""
            SELECT {EventReader.Columns} FROM events
            WHERE (tx_id, seq_id) > ($1, $2) {horizon} AND type = ANY($3)
            ORDER BY tx_id, seq_id LIMIT $4
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = _types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = batchSize });
        await using var reader = await command.ExecuteReaderAsync(token);
        return await store.Reader.ReadAllAsync(reader, token);
    }

    private async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<IEvent> events, CancellationToken token)
    {
        var context = new ProjectionContext(connection, transaction, token);
        foreach (var e in events)
            await projection.ApplyAsync(e, context);
        await context.FlushAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken token, params object[] parameters)
    {
        // No command timeout: these wait for another replica's rebuild (its locks) or clear a whole read table, which may
        // take far longer than the pool's request-sized default; the rebuild's token bounds them.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        foreach (var value in parameters)
        {
            command.Parameters.Add(value is ulong xid
                ? new NpgsqlParameter { Value = xid, NpgsqlDbType = NpgsqlDbType.Xid8 }
                : new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync(token);
    }
}
