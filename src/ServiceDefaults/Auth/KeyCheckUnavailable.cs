using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Outreach.ServiceDefaults.Auth;

/// <summary>
/// 503 when seat-service cannot say whether a key is good. Not 401: the key may be fine and the client should retry,
/// not drop it. Not 500: nothing is broken in this service.
/// </summary>
public static class KeyCheckUnavailable
{
    public const int RetryAfterSeconds = 2;

    public static Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Service Unavailable",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
            Detail = "Access keys cannot be checked right now; try again shortly.",
        };
        return context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
