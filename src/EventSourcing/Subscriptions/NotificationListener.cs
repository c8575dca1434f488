using Microsoft.Extensions.Logging;
using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>LISTENs for commits of other replicas and wakes this process's subscriptions. Supervised; polling covers its outages.</summary>
internal sealed class NotificationListener(DocumentStore store, ILogger logger)
{
    private static readonly TimeSpan LivenessCheck = TimeSpan.FromSeconds(20);

    public async Task RunAsync(CancellationToken stopping)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(250), store.Options.MaxRetryDelay);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await store.EnsureSchemaAsync(stopping);
                await using var connection = await store.DataSource.OpenConnectionAsync(stopping);
                connection.Notification += (_, _) => store.Changes.Set();
                await using (var listen = new NpgsqlCommand($"LISTEN {CommitNotifier.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stopping);
                store.Changes.Set(); // commits made while nobody listened
                backoff.Reset();
                while (true)
                {
                    if (!await connection.WaitAsync(LivenessCheck, stopping))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteNonQueryAsync(stopping);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Listening for new events failed; subscriptions poll until it reconnects");
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
}
