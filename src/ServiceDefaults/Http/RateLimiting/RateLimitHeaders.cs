using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Outreach.ServiceDefaults.Http.RateLimiting;

/// <summary>
/// x-ratelimit-limit, x-ratelimit-remaining and x-ratelimit-reset (seconds until the window resets) on every limited
/// answer, so a client can pace itself before it meets a 429.
/// </summary>
public static class RateLimitHeaders
{
    public const string Limit = "x-ratelimit-limit";
    public const string Remaining = "x-ratelimit-remaining";
    public const string Reset = "x-ratelimit-reset";

    public static void Write(HttpResponse response, RateLimitWindow window, int remaining, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers[Limit] = window.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers[Remaining] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        response.Headers[Reset] = window.SecondsUntilReset(now).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The middleware after the limiter: a request that got through is told what is left.</summary>
    public static Func<HttpContext, Func<Task>, Task> Middleware(PerKeyRateLimiter limiter) => (context, next) =>
    {
        if (PerKeyRateLimiter.WindowOf(context) is { } window)
            Write(context.Response, window, limiter.Remaining(context), limiter.Now);
        return next();
    };
}
