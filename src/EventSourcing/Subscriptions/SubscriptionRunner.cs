using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Outreach.EventSourcing;

/// <summary>
/// Runs one subscription, supervised: any failure (handler, database, lost lock) is logged, the connection dropped,
/// and the whole cycle restarts after a backoff. One dedicated connection per cycle holds the session advisory lock
/// that makes this replica the only runner AND carries every read and checkpoint write, so when the connection (and
/// with it the lock) is lost, nothing more can be written under the old claim.
/// </summary>
internal sealed class SubscriptionRunner(DocumentStore store, EventSubscription subscription, IServiceProvider services, ILogger logger)
{
    private readonly long _lockKey = LockKeys.Subscription(subscription.Name);
    private readonly EventBatchReader _reader = new(store, subscription);
    private long _processed;

    public string Name => subscription.Name;

    /// <summary>Whether this replica holds the subscription right now.</summary>
    public bool IsRunningHere { get; private set; }

    public long ProcessedEvents => Interlocked.Read(ref _processed);

    public async Task RunAsync(CancellationToken stopping)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(250), store.Options.MaxRetryDelay);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await RunConnectedAsync(backoff, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Subscription {Subscription} failed; it restarts from its checkpoint", Name);
                if (e is NpgsqlException and not PostgresException)
                    store.DataSource.Clear(); // the server likely restarted: drop every pooled connection to it
            }
            try
            {
                await Task.Delay(backoff.Next(), stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task RunConnectedAsync(Backoff backoff, CancellationToken stopping)
    {
        await store.EnsureSchemaAsync(stopping);
        var connection = await store.DataSource.OpenConnectionAsync(stopping);
        try
        {
            await WaitForLockAsync(connection, stopping);
            IsRunningHere = true;
            logger.LogInformation("Subscription {Subscription} runs on this instance", Name);
            var checkpoint = await LoadCheckpointAsync(connection, stopping);
            var cursor = checkpoint;
            var savedAt = Stopwatch.GetTimestamp();
            var settle = TimeSpan.Zero;
            while (true)
            {
                stopping.ThrowIfCancellationRequested();
                var wake = store.Changes.Next;
                var batch = await _reader.ReadAsync(connection, cursor, stopping);
                if (batch.Events.Count > 0)
                {
                    checkpoint = await ProcessAsync(connection, batch.Events, checkpoint, stopping);
                    cursor = checkpoint;
                    backoff.Reset();
                }
                var caughtUp = batch.Events.Count < subscription.BatchSize;
                SubscriptionLagBoard.Report(Name, caughtUp && !batch.Pending ? 0 : batch.Head - checkpoint.Sequence);
                if (!caughtUp)
                    continue;

                // Every matching event below the horizon is processed: skip the rest of that range next time, and
                // now and then record that, so progress and lag do not count events this subscription skips.
                var below = SubscriptionCursor.BelowHorizon(batch.Horizon);
                if (cursor.IsBefore(below))
                    cursor = below;
                if (checkpoint.IsBefore(cursor) && Stopwatch.GetElapsedTime(savedAt) > store.Options.PollingInterval)
                {
                    checkpoint = await SaveCheckpointAsync(connection, null, cursor, checkpoint, stopping);
                    savedAt = Stopwatch.GetTimestamp();
                }

                // Events above the horizon wait for an older transaction to finish: look again soon, then less often.
                settle = batch.Pending ? NextSettle(settle) : TimeSpan.Zero;
                await ChangeSignal.WaitAsync(wake, batch.Pending ? settle : store.Options.PollingInterval, stopping);
            }
        }
        finally
        {
            IsRunningHere = false;
            SubscriptionLagBoard.Remove(Name);
            await ReleaseAsync(connection);
        }
    }

    private TimeSpan NextSettle(TimeSpan previous) => previous == TimeSpan.Zero
        ? TimeSpan.FromMilliseconds(2)
        : TimeSpan.FromTicks(Math.Min(previous.Ticks * 2, store.Options.PollingInterval.Ticks));

    private async Task WaitForLockAsync(NpgsqlConnection connection, CancellationToken stopping)
    {
        var reported = false;
        while (true)
        {
            await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection))
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _lockKey });
                if ((bool)(await command.ExecuteScalarAsync(stopping))!)
                    return;
            }
            if (!reported)
                logger.LogInformation("Subscription {Subscription} runs on another instance; standing by", Name);
            reported = true;
            await Task.Delay(store.Options.StandbyRetryInterval, stopping);
        }
    }

    private async Task<SubscriptionCursor> LoadCheckpointAsync(NpgsqlConnection connection, CancellationToken stopping)
    {
        await using var batch = new NpgsqlBatch(connection);
        var create = new NpgsqlBatchCommand("INSERT INTO subscription_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING");
        create.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name });
        var read = new NpgsqlBatchCommand("SELECT tx_id, seq_id FROM subscription_checkpoints WHERE name = $1");
        read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name });
        batch.BatchCommands.Add(create);
        batch.BatchCommands.Add(read);
        await using var reader = await batch.ExecuteReaderAsync(stopping);
        await reader.ReadAsync(stopping);
        return new SubscriptionCursor(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
    }

    private async Task<SubscriptionCursor> ProcessAsync(NpgsqlConnection connection, IReadOnlyList<IEvent> events,
        SubscriptionCursor checkpoint, CancellationToken stopping)
    {
        using var activity = EventStoreTelemetry.Source.StartActivity("subscription batch");
        activity?.SetTag("outreach.eventsourcing.subscription", Name);
        activity?.SetTag("outreach.eventsourcing.events", events.Count);

        await using var transaction = await connection.BeginTransactionAsync(stopping);
        await using var scope = services.CreateAsyncScope();
        var context = new SubscriptionContext(Name, connection, transaction, scope.ServiceProvider, stopping);
        await subscription.ProcessEventsAsync(events, context);

        var next = await SaveCheckpointAsync(connection, transaction, SubscriptionCursor.After(events[^1]), checkpoint, stopping);
        await transaction.CommitAsync(stopping);

        Interlocked.Add(ref _processed, events.Count);
        EventStoreTelemetry.EventsDelivered.Add(events.Count, new KeyValuePair<string, object?>("subscription", Name));
        return next;
    }

    private async Task<SubscriptionCursor> SaveCheckpointAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        SubscriptionCursor next, SubscriptionCursor previous, CancellationToken stopping)
    {
        // Asynchronous commit is safe here: the handler's writes and the checkpoint are lost or kept together, and a
        // lost batch is simply delivered again. It saves a WAL flush per batch.
        await using var command = new NpgsqlCommand("""
            WITH durability AS (SELECT set_config('synchronous_commit', 'off', true))
            UPDATE subscription_checkpoints SET tx_id = $2, seq_id = $3, updated_at = now()
            FROM durability
            WHERE name = $1 AND tx_id = $4 AND seq_id = $5
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name });
        command.Parameters.Add(new NpgsqlParameter { Value = next.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = next.Sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = previous.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = previous.Sequence });
        // Belt and braces next to the lock: a checkpoint that moved under us means another runner; stop.
        if (await command.ExecuteNonQueryAsync(stopping) != 1)
            throw new InvalidOperationException($"The checkpoint of subscription {Name} moved under this instance.");
        return next;
    }

    private async Task ReleaseAsync(NpgsqlConnection connection)
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _lockKey });
                await command.ExecuteNonQueryAsync();
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // Never hand a connection that may still hold the lock back to the pool.
            NpgsqlConnection.ClearPool(connection);
            logger.LogDebug(e, "Releasing the lock of subscription {Subscription} failed; connection discarded", Name);
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
