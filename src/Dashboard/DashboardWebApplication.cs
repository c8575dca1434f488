using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Outreach.Dashboard.Access;
using Outreach.Dashboard.EventStreams;
using Outreach.Dashboard.Pages;
using Outreach.Dashboard.Resources;
using Outreach.Dashboard.Telemetry;

namespace Outreach.Dashboard;

/// <summary>Builds the dashboard's web application: the OTLP receiver, the pages and the JSON API, on one loopback port.</summary>
public static class DashboardWebApplication
{
    public static WebApplication Build(DashboardOptions options, IDashboardResourceService resources)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "Outreach.Dashboard",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration["hostBuilder:reloadConfigOnChange"] = "false";
        // The AppHost's console belongs to its resource table; the dashboard's own logging would tear it.
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.ListenUrl);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(resources);
        builder.Services.AddSingleton<DashboardAccess>();
        builder.Services.AddDashboardTelemetry(options);
        builder.Services.AddDashboardEventStreams(options);

        var app = builder.Build();
        app.UseStatusCodePages();
        app.Use(DashboardAccess.Middleware);
        app.MapGet(DashboardLayout.StylesheetPath, DashboardLayout.Stylesheet);
        app.MapGet(DashboardLayout.ScriptPath, DashboardLayout.Script);
        DashboardAccess.Map(app);
        ResourceEndpoints.Map(app);
        TelemetryEndpoints.Map(app);
        EventStreamEndpoints.Map(app);
        return app;
    }

    /// <summary>The address the dashboard listens on once started (the real port when the options asked for port 0).</summary>
    public static Uri BoundAddress(this WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The dashboard is not listening yet.");
        return new Uri(first.Replace("[::]", "127.0.0.1", StringComparison.Ordinal), UriKind.Absolute);
    }
}
