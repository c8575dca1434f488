using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Outreach.EventSourcing.Tests.Support;

/// <summary>Generic hosts wired the way a service wires the store: AddEventStore plus whatever the test adds.</summary>
public static class TestHosts
{
    public static async Task<IHost> StartAsync(string connectionString, Action<EventStoreOptions>? configureStore = null,
        Action<EventStoreBuilder>? configureBuilder = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var recent = new RecentLogs();
        builder.Logging.AddProvider(recent);
        builder.Services.AddSingleton(recent);
        var store = builder.Services.AddEventStore(opts =>
        {
            opts.Connection(connectionString);
            opts.PollingInterval = TimeSpan.FromMilliseconds(500);
            opts.StandbyRetryInterval = TimeSpan.FromMilliseconds(300);
            opts.MaxRetryDelay = TimeSpan.FromSeconds(2);
            configureStore?.Invoke(opts);
        });
        configureBuilder?.Invoke(store);
        configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static IDocumentStore Store(this IHost host) => host.Services.GetRequiredService<IDocumentStore>();
}
