using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Outreach.EventSourcing;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the event store (like AddMarten): IDocumentStore (singleton), IDocumentSession and IQuerySession
    /// (scoped, one per request), migrations at startup, the 409 handler for ConcurrencyException, and the host of
    /// the subscriptions added to the returned builder.
    /// The connection comes from <c>opts.Connection(…)</c>, <c>opts.ConnectionFromConfiguration(name)</c>, or else
    /// the NpgsqlDataSource registered in the container.
    /// </summary>
    public static EventStoreBuilder AddEventStore(this IServiceCollection services, Action<EventStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new EventStoreOptions();
        configure(options);

        services.AddSingleton(options);
        services.AddSingleton<IDocumentStore>(sp => CreateStore(sp, options));
        services.AddScoped(sp => sp.GetRequiredService<IDocumentStore>().LightweightSession());
        services.AddScoped(sp => sp.GetRequiredService<IDocumentStore>().QuerySession());
        services.AddHostedService<SchemaMigrationHost>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SubscriptionHost>());
        services.AddExceptionHandler<ConcurrencyExceptionHandler>();
        return new EventStoreBuilder(services);
    }

    private static DocumentStore CreateStore(IServiceProvider services, EventStoreOptions options)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        if (options.ConnectionString is { } connectionString)
            return new DocumentStore(options, DataSources.Build(connectionString, options), ownsDataSource: true, loggers);
        if (options.ConnectionName is { } name)
        {
            var configured = services.GetRequiredService<IConfiguration>().GetConnectionString(name)
                ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.");
            return new DocumentStore(options, DataSources.Build(configured, options), ownsDataSource: true, loggers);
        }
        var shared = services.GetService<NpgsqlDataSource>()
            ?? throw new InvalidOperationException("No connection for the event store: call opts.Connection(…), opts.ConnectionFromConfiguration(name), or register an NpgsqlDataSource.");
        return new DocumentStore(options, shared, ownsDataSource: false, loggers);
    }
}
