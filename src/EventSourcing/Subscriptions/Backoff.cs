namespace Outreach.EventSourcing;

/// <summary>Exponential retry delay with jitter, so replicas that failed together do not retry together.</summary>
internal sealed class Backoff(TimeSpan first, TimeSpan max)
{
    private readonly TimeSpan _first = first;
    private TimeSpan _next = first;

    public TimeSpan Next()
    {
        var current = _next;
        _next = TimeSpan.FromTicks(Math.Min(max.Ticks, current.Ticks * 2));
        return current * (0.75 + (Random.Shared.NextDouble() / 2));
    }

    public void Reset() => _next = _first;
}
