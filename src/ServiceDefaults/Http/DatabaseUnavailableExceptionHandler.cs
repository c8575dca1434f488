using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Outreach.ServiceDefaults.Database;

namespace Outreach.ServiceDefaults.Http;

/// <summary>
/// A database that does not answer in time (a command or pool-wait timeout, a dropped or refused connection) is a
/// fault the client can retry, not a bug: 503 problem+json with retry-after, as for an unreachable key check. The
/// request's transaction was never committed, so nothing was stored. Other database errors stay 500.
/// </summary>
public sealed class DatabaseUnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 1;
    public const string Detail = "The database is not answering right now; try again shortly.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnavailable.Is(exception))
            return false;

        // The message says what happened (a timeout, a refused connection) without any query text or parameter.
        logger.LogWarning("The database did not answer in time: {Reason}", exception.Message);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = ServiceUnavailable.Prepare(httpContext, RetryAfterSeconds, Detail),
        });
    }
}
