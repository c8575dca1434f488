using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.ServiceDefaults.Http;

namespace Outreach.ServiceDefaults.Database;

/// <summary>
/// Answers 503 at once while <see cref="DatabaseBreaker"/> is open (the probes excepted: they report on the database
/// themselves), and tells the breaker how each request that ran went. The answer is the one a request that had tried
/// would have got (DatabaseUnavailableExceptionHandler), without the connection attempt.
/// </summary>
public sealed class DatabaseBreakerMiddleware(RequestDelegate next, DatabaseBreaker breaker)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Microsoft.Extensions.Hosting.Extensions.IsHealthProbe(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (!breaker.TryPass(out var probe))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = ServiceUnavailable.Prepare(context, DatabaseUnavailableExceptionHandler.RetryAfterSeconds,
                    DatabaseUnavailableExceptionHandler.Detail),
            });
            return;
        }

        await breaker.ObserveAsync(probe, () => next(context));
    }
}
