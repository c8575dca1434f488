using Microsoft.AspNetCore.Http;

namespace Outreach.ServiceDefaults.Http;

/// <summary>
/// A body over the limit is bad input like any other: 400, with the body named in <c>errors</c>. Kestrel answers it
/// with 413 on whichever path met it first (binding, the exception handler, status code pages); every one of those
/// writes through the problem details service, so it is rewritten here, once.
/// </summary>
internal static class TooLargeBodies
{
    public static void Rewrite(ProblemDetailsContext context)
    {
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status413PayloadTooLarge || context.HttpContext.Response.HasStarted)
            return;
        context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.ProblemDetails.Status = StatusCodes.Status400BadRequest;
        context.ProblemDetails.Title = "One or more validation errors occurred.";
        context.ProblemDetails.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
        context.ProblemDetails.Detail = "The request body is too large.";
        context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]>
        {
            ["body"] = [$"The request body may be at most {HttpProblemDetailsExtensions.MaxRequestBodyBytes} bytes."],
        };
    }
}
