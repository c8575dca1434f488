using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Outreach.ServiceDefaults.Http;

/// <summary>
/// Turns ASP.NET Core's binding failures (malformed JSON, a value of the wrong type, a missing body
/// or parameter) into a 400 ValidationProblem whose errors name the field. The client's raw input is
/// never echoed back.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;

        httpContext.Response.StatusCode = badRequest.StatusCode;
        ProblemDetails problem = badRequest.StatusCode == StatusCodes.Status400BadRequest
            ? BadRequestProblem(badRequest)
            : new ProblemDetails { Status = badRequest.StatusCode };

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ValidationProblemDetails BadRequestProblem(BadHttpRequestException exception)
    {
        return new ValidationProblemDetails(BindingFailure.Describe(exception))
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "The request could not be read.",
        };
    }
}
