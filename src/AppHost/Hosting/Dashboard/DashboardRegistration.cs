using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Orchestration;
using Outreach.AppHost.Hosting.Postgres;
using Outreach.AppHost.Hosting.Projects;
using Outreach.AppHost.Hosting.RabbitMQ;
using Outreach.AppHost.Hosting.State;
using Outreach.Dashboard;

namespace Outreach.AppHost.Hosting.Dashboard;

/// <summary>What the dashboard is given from the model: its port and keys, each service's event store, the broker.</summary>
internal static class DashboardRegistration
{
    public static DashboardOptions CreateOptions(DistributedApplicationModel model, HostingSettings settings, IConfiguration configuration, int port, string otlpApiKey)
    {
        var options = new DashboardOptions
        {
            ListenUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            BrowserToken = SecretGenerator.Create(32),
            OtlpApiKey = otlpApiKey,
        };
        // Aspire's limits unless configured: Dashboard:TelemetryLimits:MaxLogCount, MaxTraceCount, MaxMetricPointCount.
        configuration.GetSection("Dashboard:TelemetryLimits").Bind(options.TelemetryLimits);

        // A service's event store is the database it references (one per service, by the design).
        foreach (var project in model.Resources.OfType<ProjectResource>())
        {
            foreach (var database in project.References.OfType<PostgresDatabaseResource>())
            {
                options.EventStores.Add(new EventStoreSource(project.Name, database.GetConnectionString()));
            }
        }

        if (model.Resources.OfType<RabbitMQServerResource>().FirstOrDefault() is { } broker)
        {
            options.BrokerConnectionString = broker.GetConnectionString();
            options.BrokerQueueCatalog = new RabbitMQQueueCatalog(broker, settings);
        }

        return options;
    }

    public static void Register(IServiceCollection services, DashboardOptions options, bool printLoginLink)
    {
        services.AddSingleton(options);
        if (options.BrokerQueueCatalog is IDisposable catalog)
        {
            // Owned by the container from here on: disposed with the application.
            services.AddSingleton(new DisposableHolder(catalog));
        }

        services.AddSingleton(provider => new AppHostDashboardResources(
            provider.GetRequiredService<ResourceNotificationService>(),
            provider.GetRequiredService<ResourceOrchestrator>(),
            provider.GetRequiredService<ResourceCommandService>(),
            provider.GetRequiredService<ResourceLogStore>()));
        services.AddSingleton(provider => new DashboardHost(
            options,
            provider.GetRequiredService<AppHostDashboardResources>,
            provider.GetRequiredService<AppHostStateFile>(),
            printLoginLink));
        services.AddHostedService(provider => provider.GetRequiredService<DashboardHost>());
    }
}

internal sealed class DisposableHolder(IDisposable owned) : IDisposable
{
    public void Dispose() => owned.Dispose();
}
