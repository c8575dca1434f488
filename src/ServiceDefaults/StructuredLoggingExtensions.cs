using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Structured console logs: one JSON object per line outside Development (readable by machines and the
/// AppHost), the plain console in Development. Request URLs are kept out of the logs because paths and
/// query strings can carry tokens; request spans record the route pattern instead.
/// </summary>
public static class StructuredLoggingExtensions
{
    public static TBuilder ConfigureStructuredLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (!builder.Environment.IsDevelopment() && builder.Configuration["Logging:Console:FormatterName"] is null)
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "O";
            });
        }

        // "Request starting GET http://…/connect/<token>?…" — the full URL, at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        // The OTLP exporters' own HTTP calls: logged, they would be exported as logs, which are exported again, every second.
        builder.Logging.AddFilter("System.Net.Http.HttpClient.Otlp", LogLevel.Warning);
        // "Executing endpoint 'Health checks'" every few seconds for every probe says nothing a trace does not.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Warning);
        // "Command execution completed: SELECT …" for every command of every poller; the traces carry the ones that matter.
        builder.Logging.AddFilter("Npgsql.Command", LogLevel.Warning);
        return builder;
    }
}
