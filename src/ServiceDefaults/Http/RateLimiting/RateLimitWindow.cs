namespace Outreach.ServiceDefaults.Http.RateLimiting;

/// <summary>
/// One key's budget in one minute of wall-clock time. The built-in fixed-window limiter does not say when its window
/// ends, so windows are aligned to the minute by making the minute part of the partition: every minute starts a fresh
/// limiter, and the seconds to the next minute are exactly when the budget comes back.
/// </summary>
public readonly record struct RateLimitWindow(string KeyId, int Limit, long Minute)
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    public static RateLimitWindow At(string keyId, int limit, DateTimeOffset now) =>
        new(keyId, limit, now.ToUnixTimeSeconds() / (long)Length.TotalSeconds);

    /// <summary>Whole seconds until the budget is refilled, at least 1 (a client told "0" would retry at once and fail).</summary>
    public int SecondsUntilReset(DateTimeOffset now)
    {
        var end = DateTimeOffset.FromUnixTimeSeconds((Minute + 1) * (long)Length.TotalSeconds);
        return Math.Max(1, (int)Math.Ceiling((end - now).TotalSeconds));
    }
}
