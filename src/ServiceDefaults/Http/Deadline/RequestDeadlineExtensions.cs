using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Outreach.ServiceDefaults.Http.Deadline;

/// <summary>
/// The request deadline is ASP.NET Core's request-timeouts middleware with one default policy for every request:
/// the deadline cancels <see cref="HttpContext.RequestAborted"/>, and the middleware turns the cancellation that
/// follows into the answer below. Work that must not be cut off halfway (a commit, a send already handed to the
/// provider) runs on <see cref="CancellationToken.None"/> and gives its own answer, late rather than ambiguous.
/// </summary>
public static partial class RequestDeadlineExtensions
{
    public static IServiceCollection AddRequestDeadline(this IServiceCollection services)
    {
        services.AddOptions<RequestDeadlineOptions>().BindConfiguration(RequestDeadlineOptions.SectionName);
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<RequestDeadlineOptions>>((timeouts, deadline) =>
        {
            var options = deadline.Value;
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromMilliseconds(Math.Max(1, options.TimeoutMs)),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = context => WriteAsync(context, options),
            };
        });
        return services;
    }

    /// <summary>
    /// Placed before admission control, so a request's wait in the admission queue counts toward its deadline; the
    /// backstop outside the deadline, so it also covers the deadline's own wait for the work it cancelled.
    /// </summary>
    public static IApplicationBuilder UseRequestDeadline(this IApplicationBuilder app) =>
        app.UseMiddleware<DeadlineBackstopMiddleware>().UseRequestTimeouts();

    private static async Task WriteAsync(HttpContext context, RequestDeadlineOptions options)
    {
        var services = context.RequestServices;
        LogDeadline(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestDeadlineExtensions)),
            context.Request.Method, context.GetEndpoint()?.DisplayName ?? "(no endpoint)", options.TimeoutMs);
        await services.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ServiceUnavailable.Prepare(context, options.RetryAfterSeconds,
                string.Create(CultureInfo.InvariantCulture, $"The request did not finish within its {options.TimeoutMs / 1000.0:0.#} s deadline; try again shortly ")
                + "(a command sent with an Idempotency-Key can be sent again safely)."),
        });
    }

    // The endpoint's route pattern, not the path: a path may carry a connect-link token.
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Endpoint} passed its {DeadlineMs} ms deadline; answered 503")]
    private static partial void LogDeadline(ILogger logger, string method, string endpoint, int deadlineMs);
}
