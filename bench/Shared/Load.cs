using System.Diagnostics;

namespace Outreach.Bench;

/// <summary>What a closed-loop run measured: operations per second and the latency of every operation.</summary>
internal sealed record Run(double Rate, IReadOnlyList<double> SortedMs)
{
    public int Count => SortedMs.Count;

    public double P(double percentile) => Load.Percentile(SortedMs, percentile);
}

/// <summary>
/// Closed-loop load over a fixed set of work items (a login needs an identity of its own, so the bench counts logins,
/// not seconds): N clients take the next item as soon as their last operation returns; only the operation is timed.
/// </summary>
internal static class Load
{
    public static async Task<Run> RunAsync<T>(int clients, IReadOnlyList<T> items, Func<int, T, Task> operation)
    {
        var latencies = new List<double>[clients];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(items.Count);
            for (var i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                await operation(c, items[i]);
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
