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
        var problem = Http.ServiceUnavailable.Prepare(context, RetryAfterSeconds, "Access keys cannot be checked right now; try again shortly.");
        return context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
