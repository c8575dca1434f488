using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Outreach.EventSourcing;

/// <summary>Answers a lost optimistic-concurrency race with 409 problem+json (RFC 9457), naming the versions, never a stack trace.</summary>
internal sealed class ConcurrencyExceptionHandler(IServiceProvider services) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ConcurrencyException conflict)
            return false;

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
            Title = "Conflict",
            Detail = "The resource was changed by another request. Reload it and try again.",
            Instance = httpContext.Request.Path,
        };
        problem.Extensions["streamId"] = conflict.StreamId;
        problem.Extensions["expectedVersion"] = conflict.ExpectedVersion;
        problem.Extensions["actualVersion"] = conflict.ActualVersion;

        var writer = services.GetService<IProblemDetailsService>();
        if (writer is not null && await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }))
            return true;
        await httpContext.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }
}
