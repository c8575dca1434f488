namespace Outreach.ServiceDefaults.Auth;

public enum KeyCheckOutcome
{
    Accepted,
    Refused,

    /// <summary>seat-service could not be asked (down, too slow, or an answer that is neither yes nor no).</summary>
    Unavailable,
}

/// <summary>seat-service's verdict on a presented credential; <see cref="Key"/> is set when it was accepted.</summary>
public readonly record struct KeyCheck(KeyCheckOutcome Outcome, CallerKey? Key)
{
    public static KeyCheck Accepted(CallerKey key) => new(KeyCheckOutcome.Accepted, key);

    public static KeyCheck Refused { get; } = new(KeyCheckOutcome.Refused, null);

    public static KeyCheck Unavailable { get; } = new(KeyCheckOutcome.Unavailable, null);
}
