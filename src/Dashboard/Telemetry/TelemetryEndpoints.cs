using Outreach.Dashboard.Otlp;
using Outreach.Dashboard.Telemetry.Api;
using Outreach.Dashboard.Telemetry.Pages;
using Outreach.Dashboard.Telemetry.Store;

namespace Outreach.Dashboard.Telemetry;

/// <summary>The telemetry slice: OTLP receiver, store, Structured logs / Traces / Metrics pages and their API.</summary>
public static class TelemetryEndpoints
{
    public static IServiceCollection AddDashboardTelemetry(this IServiceCollection services, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var repository = new TelemetryRepository(options.TelemetryLimits);
        services.AddSingleton(repository);
        // The Resources page's error badge counts what the store holds at Error and above.
        services.AddSingleton<Resources.IResourceErrorCounts>(new StoredErrorCounts(repository));
        services.AddSingleton<OtlpApiKey>();
        return services;
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        OtlpReceiver.Map(app);
        app.MapGet(StructuredLogsPage.Path, StructuredLogsPage.Render);
        app.MapGet(TracesPage.Path, TracesPage.Render);
        app.MapGet(TracesPage.Path + "/{traceId}", TraceDetailPage.Render);
        app.MapGet(MetricsPage.Path, MetricsPage.Render);
        TelemetryApi.Map(app);
    }
}

internal sealed class StoredErrorCounts(TelemetryRepository repository) : Resources.IResourceErrorCounts
{
    public int ErrorCount(string resourceName) => repository.ErrorLogCount(resourceName);
}
