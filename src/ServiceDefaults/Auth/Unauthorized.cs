using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Outreach.ServiceDefaults.Auth;

/// <summary>One 401 body for every authentication failure, so the response never tells which check failed.</summary>
public static class Unauthorized
{
    public static Task WriteAsync(HttpContext context, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "Unauthorized",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
            Detail = detail,
        };
        return context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
