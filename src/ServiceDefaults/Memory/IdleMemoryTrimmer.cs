using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Outreach.ServiceDefaults.Memory;

/// <summary>
/// After a burst of work, once the service has gone idle, runs one aggressive full collection: it compacts the heap and
/// returns the free memory to the system. The GC keeps what a busy period grew (free regions, gen0 budget) in case the
/// load comes back; a service that sits idle after the load would otherwise hold it indefinitely. The C allocator's free
/// pages are then returned as well (<see cref="NativeHeap"/>). Idle is judged by
/// the allocation rate (<see cref="GC.GetTotalAllocatedBytes"/>), which also counts message consumers and background
/// loops, not only HTTP requests. One blocking collection of a small heap costs milliseconds, and it is never run
/// while the service is busy.
/// </summary>
internal sealed partial class IdleMemoryTrimmer(IOptions<IdleMemoryTrimOptions> options, ILogger<IdleMemoryTrimmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
            return;
        var lastCheck = GC.GetTotalAllocatedBytes();
        var lastTrim = lastCheck;
        using var timer = new PeriodicTimer(settings.CheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var now = GC.GetTotalAllocatedBytes();
            var idle = now - lastCheck < settings.IdleAllocationBytes;
            lastCheck = now;
            if (!idle || now - lastTrim < settings.ActivitySinceTrimBytes)
                continue;
            var before = Environment.WorkingSet;
            var took = Stopwatch.StartNew();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var afterCollect = Environment.WorkingSet;
            if (settings.ReleaseNativeHeap)
                NativeHeap.Trim();
            lastTrim = lastCheck = GC.GetTotalAllocatedBytes();
            LogTrimmed((before - afterCollect) / Mb, (afterCollect - Environment.WorkingSet) / Mb, (long)took.Elapsed.TotalMilliseconds);
        }
    }

    private const long Mb = 1024 * 1024;

    [LoggerMessage(Level = LogLevel.Information, Message = "Idle after a busy period: the heap was compacted and {FreedMb} MB of working set returned, {NativeFreedMb} MB more from the native heap, in {ElapsedMs} ms")]
    private partial void LogTrimmed(long freedMb, long nativeFreedMb, long elapsedMs);
}
