using System.Diagnostics;

namespace Outreach.SeatService.Bench;

/// <summary>What a closed-loop run measured: operations per second and the latency of every operation.</summary>
internal sealed record Run(double Rate, IReadOnlyList<double> SortedMs)
{
    public int Count => SortedMs.Count;

    public double P(double percentile) => Load.Percentile(SortedMs, percentile);
}

/// <summary>
/// Closed-loop load (EventStore.Bench's shape): N clients repeat an operation for a while, each starting the next as
/// soon as the last returns; every operation's latency is kept.
/// </summary>
internal static class Load
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static async Task<Run> MeasureAsync(int clients, TimeSpan duration, Func<int, Task> operation)
    {
        // Warm up: connections opened, statements prepared, JIT done (the client's and the service's).
        await RunAsync(clients, WarmUp, operation);
        return await RunAsync(clients, duration, operation);
    }

    private static async Task<Run> RunAsync(int clients, TimeSpan duration, Func<int, Task> operation)
    {
        var latencies = new List<double>[clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(c);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Run(all.Count / elapsed, all);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
