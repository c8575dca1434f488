namespace Outreach.CrossService.Tests.AbuseLimits;

/// <summary>
/// Rate-limit windows are whole minutes of wall-clock time. A test that counts requests against a budget starts early
/// in a minute, so its requests cannot straddle two windows (which would refill the budget half-way).
/// </summary>
public static class RateLimitWindows
{
    public static async Task StartOfAMinuteAsync(int secondsNeeded = 15)
    {
        var now = DateTimeOffset.UtcNow;
        if (now.Second + secondsNeeded < 60)
            return;
        await Task.Delay(TimeSpan.FromSeconds(60 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond) + TimeSpan.FromMilliseconds(200));
    }
}
