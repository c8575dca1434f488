using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Outreach.ServiceDefaults.Http;

/// <summary>
/// The one shape of every "try again shortly" answer (shed at admission, past the deadline, the database or the key
/// check not answering): 503 with retry-after, and an RFC 9457 body whose detail says which it was.
/// </summary>
public static class ServiceUnavailable
{
    public const string Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4";

    /// <summary>Sets the status and retry-after on the response and returns the problem for the caller to write.</summary>
    public static ProblemDetails Prepare(HttpContext context, int retryAfterSeconds, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Type = Type,
            Title = "Service Unavailable",
            Detail = detail,
        };
    }
}
