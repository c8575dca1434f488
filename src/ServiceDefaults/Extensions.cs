using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Outreach.ServiceDefaults.Database;
using Outreach.ServiceDefaults.Health;
using Outreach.ServiceDefaults.Http;
using Outreach.ServiceDefaults.Http.Admission;
using Outreach.ServiceDefaults.Http.Deadline;
using Outreach.ServiceDefaults.Memory;
using Outreach.ServiceDefaults.Telemetry;
using Outreach.ServiceDefaults.Threading;

// Same namespace as eShop's and Aspire's ServiceDefaults, so `builder.AddServiceDefaults()` needs no using.
namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Outreach service shares: telemetry, log redaction, health, error answers, JSON and API docs.
/// A service calls <see cref="AddServiceDefaults"/> on its builder and <see cref="MapDefaultEndpoints"/> on its app.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>The readiness and liveness probes: never shed, never held back, whatever else is refused.</summary>
    public static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(AlivenessEndpointPath, StringComparison.OrdinalIgnoreCase);

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureStructuredLogging();
        builder.ConfigureOpenTelemetry();
        ThreadPoolFloor.Apply(builder.Configuration);
        builder.AddDefaultHealthChecks();
        builder.Services.AddHttpProblemDetails();
        builder.Services.AddJsonConventions();
        builder.Services.AddOpenApi();
        // Aspire's service discovery: "http://seat-service" resolves to the endpoints the AppHost hands out
        // (services__seat-service__http__0, __1, … one per replica), taken in turn. Clients that call another
        // service opt in with AddServiceDiscovery() on their HttpClient.
        builder.Services.AddServiceDiscovery();
        builder.Services.AddOptions<AdmissionOptions>().BindConfiguration(AdmissionOptions.SectionName);
        builder.Services.AddRequestDeadline();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<DatabaseBreaker>();
        builder.Services.AddOptions<IdleMemoryTrimOptions>().BindConfiguration(IdleMemoryTrimOptions.SectionName);
        builder.Services.AddHostedService<IdleMemoryTrimmer>();
        // Last: it wraps the logger providers registered above (console, OpenTelemetry), so every sink is redacted.
        builder.AddLogRedaction();
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // "live" checks answer "is the process able to serve at all"; everything else is readiness.
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // The pipeline is laid out here rather than left to WebApplication's defaults, which put routing
        // and authentication in front of everything a service adds: then a 403 from authorization or an
        // exception in an authentication handler would never reach the problem-details answers.
        app.UseServerSpanStatus();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The deadline first, so that the wait for admission counts toward it.
        app.UseRequestDeadline();
        // Before authentication: shedding must cost less than the key check it spares.
        app.UseMiddleware<AdmissionControlMiddleware>();
        // After admission, so a request shed there does not count; inside the exception handler, so it sees the
        // database exceptions before they become 503s.
        app.UseMiddleware<DatabaseBreakerMiddleware>();
        app.UseRouting();
        app.UseServerSpanRoute();
        var services = app.Services.GetRequiredService<IServiceProviderIsService>();
        if (services.IsService(typeof(IAuthenticationSchemeProvider)))
            app.UseAuthentication();
        if (services.IsService(typeof(IAuthorizationHandlerProvider)))
            app.UseAuthorization();

        // Readiness: every check (database, broker, self). MassTransit reports a lost broker as
        // Degraded, so for readiness anything short of Healthy answers 503.
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        })
        // A probe is never a tenant's traffic, whatever headers it carries.
        .DisableRateLimiting();
        // Liveness: only the "live" checks.
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthTags.Live),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).DisableRateLimiting();

        if (app.Environment.IsDevelopment())
        {
            app.MapApiDocumentation();
        }

        return app;
    }
}
