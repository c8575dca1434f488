using System.Diagnostics;

namespace Outreach.Bench;

/// <summary>Latencies of one closed-loop run, sorted, and the operations per second it reached. Shared by the benches (linked in).</summary>
internal sealed record Run(double Rate, double Seconds, IReadOnlyList<double> SortedMs)
{
    public int Count => SortedMs.Count;

    public double P(double percentile) => Load.Percentile(SortedMs, percentile);
}

/// <summary>
/// A fixed list of work items (every invite needs a person of its own) worked through by N clients, each taking the
/// next item as soon as its last operation returned; only the operation is timed.
/// </summary>
internal static class Load
{
    public static async Task<Run> RunAsync<T>(int clients, IReadOnlyList<T> items, Func<int, T, Task> operation)
    {
        var perClient = new List<double>[clients];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = perClient[c] = new List<double>(items.Count / clients + 1);
            for (var i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                await operation(c, items[i]);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = perClient.SelectMany(l => l).Order().ToList();
        return new Run(sorted.Count / seconds, seconds, sorted);
    }

    /// <summary>
    /// The same items arriving at a set rate (an open loop, as independent users arrive): item i is sent at i / rate
    /// seconds whatever the earlier answers' latency, so a slow answer does not hold the next request back and the
    /// latencies are those of the stated load, not of a saturated one. Each operation is timed from its send.
    /// </summary>
    public static async Task<Run> OpenLoopAsync<T>(double rate, IReadOnlyList<T> items, Func<T, Task> operation)
    {
        var latencies = new double[items.Count];
        var running = new Task[items.Count];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < items.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            var index = i;
            running[i] = Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                await operation(items[index]);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            });
        }
        await Task.WhenAll(running);
        var seconds = clock.Elapsed.TotalSeconds;
        return new Run(items.Count / seconds, seconds, latencies.Order().ToList());
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Items taken round-robin over the groups (no two neighbours from one group while others remain).</summary>
    public static List<T> Interleave<T>(IReadOnlyList<IReadOnlyList<T>> groups)
    {
        var all = new List<T>();
        var total = groups.Sum(g => g.Count);
        for (var i = 0; all.Count < total; i++)
            foreach (var group in groups)
                if (i < group.Count)
                    all.Add(group[i]);
        return all;
    }
}
