using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Outreach.ServiceDefaults.Http.RateLimiting;

/// <summary>
/// The answer over the limit: 429 problem+json with retry-after, written before the route runs, so nothing is stored
/// (not even an Idempotency-Key, whose middleware comes after).
/// </summary>
public static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var context = rejected.HttpContext;
        var limiter = context.RequestServices.GetService(typeof(PerKeyRateLimiter)) as PerKeyRateLimiter;
        var now = limiter?.Now ?? DateTimeOffset.UtcNow;
        var window = PerKeyRateLimiter.WindowOf(context);
        var retryAfter = window?.SecondsUntilReset(now) ?? (int)RateLimitWindow.Length.TotalSeconds;
        if (window is { } counted)
            RateLimitHeaders.Write(context.Response, counted, 0, now);

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too Many Requests",
            Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
            Detail = $"This access key may make {window?.Limit} requests a minute; try again in {retryAfter} seconds.",
        };
        await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
    }
}
