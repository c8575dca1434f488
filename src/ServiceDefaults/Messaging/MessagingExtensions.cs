using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outreach.ServiceDefaults.Database;
using Outreach.ServiceDefaults.Health;
using Outreach.ServiceDefaults.Messaging;
using Outreach.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// MassTransit over RabbitMQ, configured by convention: every IConsumer in the service's assembly gets a
/// kebab-case queue named after it; failures are retried with backoff and then parked in "&lt;queue&gt;_error"
/// (nothing is acknowledged and dropped); publishes wait for the broker's confirm.
/// </summary>
public static class MessagingExtensions
{
    public const string ConnectionName = "rabbitmq";
    public const string BusHealthCheckName = "masstransit-bus";
    public const string BrokerHealthCheckName = "rabbitmq";
    public static readonly TimeSpan BrokerHealthCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Consumers are discovered in the entry assembly (the service itself). <paramref name="queuePrefix"/> (the
    /// service's name) starts every queue name, so two services consuming the same message each get their own queue
    /// (identity-service-seat-suspended, invitation-service-seat-suspended) instead of competing for one.
    /// </summary>
    public static TBuilder AddMessaging<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator>? configure = null, string? queuePrefix = null)
        where TBuilder : IHostApplicationBuilder =>
        builder.AddMessaging(Assembly.GetEntryAssembly() is { } entry ? [entry] : [], configure, queuePrefix);

    public static TBuilder AddMessaging<TBuilder>(this TBuilder builder, IReadOnlyCollection<Assembly> consumerAssemblies,
        Action<IBusRegistrationConfigurator>? configure = null, string? queuePrefix = null) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(consumerAssemblies);
        var connection = RabbitMqConnection.Parse(RequireConnectionString(builder.Configuration));
        // "seat-service" under the AppHost: names the broker connections and the metrics' service label.
        var connectionDisplayName = TelemetryResource.ServiceName(builder.Configuration, builder.Environment.ApplicationName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<DatabaseBreaker>();
        builder.Services.AddOptions<MessageRetryOptions>().Bind(builder.Configuration.GetSection(MessageRetryOptions.SectionName));
        // MassTransit adds its bus check (receive endpoints) to the health check service; the broker check
        // (RabbitMqHealthCheck, registered with the watchdog, which probes the broker through it) covers the
        // connection itself, which matters for services that only publish. The watchdog restarts a receive endpoint
        // MassTransit left faulted after a broker restart, instead of leaving it holding its queue.
        builder.Services.AddStuckEndpointWatchdog(connection, connectionDisplayName);
        builder.Services.AddOptions<StuckEndpointWatchdogOptions>().Bind(builder.Configuration.GetSection(StuckEndpointWatchdogOptions.SectionName));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            BrokerHealthCheckName,
            services => services.GetRequiredService<RabbitMqHealthCheck>(),
            failureStatus: HealthStatus.Unhealthy,
            tags: [HealthTags.Ready, "messaging"],
            timeout: BrokerHealthCheckTimeout));

        // Registered before MassTransit's hosted service: hosted services start in order, so the bus starts only
        // once the broker is reachable (or the gate gave up).
        builder.Services.AddHostedService(services =>
            new BrokerReachableGate(connection, services.GetRequiredService<ILogger<BrokerReachableGate>>(), BrokerReachableGate.DefaultMaxWait));
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix, includeNamespace: false));
            if (consumerAssemblies.Count > 0)
                bus.AddConsumers([.. consumerAssemblies]);

            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = BusHealthCheckName;
                health.MinimalFailureStatus = HealthStatus.Unhealthy;
                health.Tags.Add(HealthTags.Ready);
            });

            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                var retry = context.GetRequiredService<IOptions<MessageRetryOptions>>().Value;
                // Outer: a failure of the consumer's own (a bug, bad data) has a few tries, then the error queue.
                endpoint.UseMessageRetry(policy =>
                {
                    policy.Ignore<Exception>(DatabaseUnavailable.Is);
                    policy.Exponential(retry.Limit, retry.MinInterval, retry.MaxInterval, retry.IntervalDelta);
                });
                // Inner: a database that does not answer is waited out, however long the outage: the message stays
                // unacknowledged on the broker meanwhile, so nothing an outage outlasts ends in the error queue.
                endpoint.UseMessageRetry(policy =>
                {
                    policy.Handle<Exception>(DatabaseUnavailable.Is);
                    policy.Exponential(int.MaxValue, retry.MinInterval, retry.OutageMaxInterval, retry.IntervalDelta);
                });
                // Inside the retries: a delivery the breaker holds back is retried like one the database refused.
                endpoint.UseFilter(new DatabaseBreakerFilter(context.GetRequiredService<DatabaseBreaker>()));
                // Messages a consumer publishes leave only once it has succeeded, so a retried
                // attempt does not publish twice.
                endpoint.UseInMemoryOutbox(context);
            });

            configure?.Invoke(bus);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(connection.Host, connection.Port, connection.VirtualHost, connectionDisplayName, host =>
                {
                    host.Username(connection.Username);
                    host.Password(connection.Password);
                    host.PublisherConfirmation = true;
                    if (connection.UseTls)
                        host.UseSsl(ssl => ssl.ServerName = connection.Host);
                });
                // MassTransit's meter ("MassTransit") only records once instrumentation is switched on.
                rabbit.UseInstrumentation(serviceName: connectionDisplayName);
                rabbit.ConfigureEndpoints(context);
            });
        });

        return builder;
    }

    private static string RequireConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is missing. Run the service under the AppHost, or set " +
                $"ConnectionStrings__{ConnectionName}=\"amqp://user:pass@host:5672\".");
        }

        return connectionString;
    }
}
