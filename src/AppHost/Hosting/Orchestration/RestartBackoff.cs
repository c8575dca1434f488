namespace Outreach.AppHost.Hosting.Orchestration;

/// <summary>Exponential delay between restarts of a crashing resource: 1 s, 2 s, 4 s … up to 30 s.</summary>
internal sealed class RestartBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    /// <summary>A run this long counts as recovered: the next crash starts again from the first delay.</summary>
    private static readonly TimeSpan Stable = TimeSpan.FromMinutes(1);

    private TimeSpan _next = First;

    public TimeSpan NextDelay(TimeSpan lastRunLength)
    {
        if (lastRunLength >= Stable)
        {
            _next = First;
        }

        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, Longest.Ticks));
        return delay;
    }
}
