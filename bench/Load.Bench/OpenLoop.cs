using System.Diagnostics;

namespace Outreach.Load.Bench;

/// <summary>
/// Arrivals at a set rate whatever the answers' latency (an open loop, as real clients arrive): every 5 ms it starts
/// the operations now due. A cap on operations in flight keeps a stalled system from piling up unbounded work; what
/// the cap held back is counted as not sent, so the reached rate is reported honestly.
/// </summary>
internal sealed class OpenLoop(double rate, int maxInFlight, Func<Task> operation)
{
    private int _inFlight;
    private long _started;
    private long _heldBack;

    public long Started => Interlocked.Read(ref _started);
    public long HeldBack => Interlocked.Read(ref _heldBack);
    public int InFlight => Volatile.Read(ref _inFlight);

    public async Task RunAsync(TimeSpan duration, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var due = 0L;
        var running = new List<Task>();
        while (clock.Elapsed < duration && !stop.IsCancellationRequested)
        {
            var shouldHave = (long)(clock.Elapsed.TotalSeconds * rate);
            for (; due < shouldHave; due++)
            {
                if (Volatile.Read(ref _inFlight) >= maxInFlight)
                {
                    Interlocked.Increment(ref _heldBack);
                    continue;
                }
                Interlocked.Increment(ref _inFlight);
                Interlocked.Increment(ref _started);
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await operation();
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _inFlight);
                    }
                }, CancellationToken.None));
            }
            running.RemoveAll(t => t.IsCompleted);
            await Task.Delay(5, CancellationToken.None);
        }
        await Task.WhenAll(running);
    }
}

/// <summary>Picks one of several weighted choices.</summary>
internal sealed class WeightedChoice<T>(IReadOnlyList<(int Weight, T Value)> choices)
{
    private readonly int _total = choices.Sum(c => c.Weight);

    public T Pick()
    {
        var roll = Random.Shared.Next(_total);
        foreach (var (weight, value) in choices)
        {
            if (roll < weight)
                return value;
            roll -= weight;
        }
        return choices[^1].Value;
    }
}
