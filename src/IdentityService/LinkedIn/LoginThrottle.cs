using System.Globalization;
using Microsoft.Extensions.Options;
using Outreach.IdentityService.Identities;

namespace Outreach.IdentityService.LinkedIn;

/// <summary>How many logins one identity may start in a sliding window (section "LinkedIn:LoginThrottle").</summary>
public sealed class LoginThrottleOptions
{
    public const string SectionName = "LinkedIn:LoginThrottle";

    public int MaxStarts { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Throttles login starts per identity. Each login allows three codes, so without this a caller could guess codes
/// without end by starting login after login (and LinkedIn would see a storm of logins for one account). The count comes
/// from the identity's own stream (its LinkedInLoginRequested events), so it holds across replicas and restarts, and
/// the stream's optimistic concurrency keeps two racing starts from both taking the last one.
/// </summary>
public sealed class LoginThrottle(IOptionsMonitor<LoginThrottleOptions> options)
{
    /// <summary>A 429 when <paramref name="identity"/> has used its starts in the window ending now; null when it may start one.</summary>
    public IResult? Refuse(Identity identity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var settings = options.CurrentValue;
        var windowStart = now - settings.Window;
        var recent = identity.LoginsRequestedAt.Where(at => at > windowStart).Order().ToList();
        if (recent.Count < Math.Max(1, settings.MaxStarts))
            return null;

        // The start that frees a place is the oldest of the last MaxStarts.
        var freesAt = recent[^Math.Max(1, settings.MaxStarts)] + settings.Window;
        var retryAfter = Math.Max(1, (int)Math.Ceiling((freesAt - now).TotalSeconds));
        return new TooManyLogins(settings.MaxStarts, settings.Window, retryAfter);
    }

    private sealed class TooManyLogins(int maxStarts, TimeSpan window, int retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many logins",
                type: "errors/too_many_logins",
                detail: $"At most {maxStarts} LinkedIn logins may be started for one identity in {window.TotalMinutes:0} minutes; try again in {retryAfterSeconds} seconds.",
                extensions: new Dictionary<string, object?> { ["retry_after"] = retryAfterSeconds }).ExecuteAsync(httpContext);
        }
    }
}
