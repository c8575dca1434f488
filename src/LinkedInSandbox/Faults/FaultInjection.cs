using System.Globalization;
using Microsoft.Extensions.Options;
using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Faults;

/// <summary>Configured latency, then the fault in force, in front of every provider route.</summary>
public sealed class FaultInjection(RequestDelegate next, FaultState faults, IOptions<SandboxOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!SandboxRoutes.IsProvider(context.Request.Path))
        {
            await next(context);
            return;
        }

        var settings = options.Value;
        if (settings.LatencyMs > 0)
            await Task.Delay(settings.LatencyMs, context.RequestAborted);

        switch (faults.Current)
        {
            case { Mode: FaultState.ServerError }:
                await UnipileErrors.Problem(StatusCodes.Status500InternalServerError, UnipileErrors.UnexpectedError, "Unexpected error",
                    "The provider failed (sandbox fault injection).").ExecuteAsync(context);
                return;
            case { Mode: FaultState.TooManyRequests } fault:
                var seconds = faults.SecondsLeft(fault);
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await UnipileErrors.Problem(StatusCodes.Status429TooManyRequests, UnipileErrors.TooManyRequests, "Too many requests",
                    $"Rate limited; retry after {seconds} s (sandbox fault injection).").ExecuteAsync(context);
                return;
            case { Mode: FaultState.Timeout }:
                // Hangs like a provider that never answers; a client with a shorter timeout gives up first.
                await TimeOutAsync(context, settings);
                return;
            case { Mode: FaultState.AcceptThenTimeout }:
                await RunThenTimeOutAsync(context, settings);
                return;
            default:
                await next(context);
                return;
        }
    }

    /// <summary>
    /// The route runs to the end, so what it does is done (an invitation recorded), but its answer goes nowhere:
    /// written to a buffer that is thrown away, then the client waits and gets a 504, as when the provider acted and
    /// the connection died before the answer came back.
    /// </summary>
    private async Task RunThenTimeOutAsync(HttpContext context, SandboxOptions settings)
    {
        var realBody = context.Response.Body;
        await using (var lost = new MemoryStream())
        {
            context.Response.Body = lost;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = realBody;
            }
        }

        context.Response.Clear();
        await TimeOutAsync(context, settings);
    }

    private static async Task TimeOutAsync(HttpContext context, SandboxOptions settings)
    {
        await Task.Delay(settings.TimeoutFaultMs, context.RequestAborted);
        await UnipileErrors.Problem(StatusCodes.Status504GatewayTimeout, UnipileErrors.RequestTimeout, "Request timeout",
            "The provider did not answer in time (sandbox fault injection).").ExecuteAsync(context);
    }
}
