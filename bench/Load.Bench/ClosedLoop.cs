using System.Diagnostics;

namespace Outreach.Load.Bench;

/// <summary>
/// N clients, each starting its next operation as soon as its last returned, for a set time or until the work runs
/// out (an operation answering null): the most a route gives at that concurrency.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<double> RunAsync(int clients, TimeSpan duration, Func<int, Task<bool>> operation)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && await operation(c))
            {
            }
        })));
        return clock.Elapsed.TotalSeconds;
    }
}
