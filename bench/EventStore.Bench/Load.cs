using System.Diagnostics;

namespace Outreach.EventStore.Bench;

/// <summary>Closed-loop load: N writers repeat an operation for a while; the rate counts what the operations report.</summary>
internal static class Load
{
    public static async Task<double> RateAsync(int writers, TimeSpan duration, Func<int, Task<int>> operation)
    {
        // Warm up: connections opened, statements prepared, JIT done.
        await RunAsync(writers, TimeSpan.FromSeconds(1), operation);
        return await RunAsync(writers, duration, operation);
    }

    private static async Task<double> RunAsync(int writers, TimeSpan duration, Func<int, Task<int>> operation)
    {
        long total = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            long mine = 0;
            while (clock.Elapsed < duration)
                mine += await operation(w);
            Interlocked.Add(ref total, mine);
        })));
        return total / clock.Elapsed.TotalSeconds;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
