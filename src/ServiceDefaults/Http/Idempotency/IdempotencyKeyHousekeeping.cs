using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Outreach.ServiceDefaults.Http.Idempotency;

/// <summary>Creates the keys table at start (retrying while the database is not up yet) and deletes expired keys.</summary>
internal sealed partial class IdempotencyKeyHousekeeping(IdempotencyStore store, IOptions<IdempotencyOptions> options,
    ILogger<IdempotencyKeyHousekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ready = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!ready)
                {
                    await store.EnsureSchemaAsync(stoppingToken);
                    ready = true;
                }
                var purged = await store.PurgeExpiredAsync(stoppingToken);
                if (purged > 0)
                    LogPurged(purged);
                await Task.Delay(options.Value.PurgeInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A database outage must not stop the service; the loop tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired idempotency keys")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency key housekeeping failed; retrying")]
    private partial void LogFailed(Exception exception);
}
