namespace Outreach.LinkedInSandbox.Faults;

/// <summary>The fault in force, if any, and until when. Shared by every request; swapped whole.</summary>
public sealed class FaultState(TimeProvider clock)
{
    public const string None = "none";
    public const string ServerError = "500";
    public const string TooManyRequests = "429";
    public const string Timeout = "timeout";
    /// <summary>The route runs (its effect happens), then the answer is lost to a timeout: "did the provider do it?"</summary>
    public const string AcceptThenTimeout = "accept_then_timeout";

    public static readonly IReadOnlySet<string> Modes = new HashSet<string>(StringComparer.Ordinal) { None, ServerError, TooManyRequests, Timeout, AcceptThenTimeout };

    private volatile ActiveFault? _fault;

    /// <summary>The fault in force now; null when none is, or the last one ran out.</summary>
    public ActiveFault? Current
    {
        get
        {
            var fault = _fault;
            return fault is null || (fault.Until is { } until && clock.GetUtcNow() >= until) ? null : fault;
        }
    }

    public ActiveFault? Set(string mode, double? forSeconds)
    {
        var fault = mode == None
            ? null
            : new ActiveFault(mode, forSeconds is > 0 ? clock.GetUtcNow().AddSeconds(forSeconds.Value) : null);
        _fault = fault;
        return fault;
    }

    /// <summary>Whole seconds left, at least 1: the retry-after of a 429.</summary>
    public int SecondsLeft(ActiveFault fault) =>
        fault.Until is { } until ? Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds)) : 1;
}

/// <summary>A fault mode; Until null means until switched off.</summary>
public sealed record ActiveFault(string Mode, DateTimeOffset? Until);
