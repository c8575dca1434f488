using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.ServiceDefaults.Health;
using Outreach.ServiceDefaults.Messaging;

namespace Microsoft.Extensions.Hosting;

public static class StuckEndpointWatchdogExtensions
{
    /// <summary>
    /// The <see cref="StuckEndpointWatchdog"/> for a service's MassTransit bus (AddMessaging adds it; a host that
    /// configures MassTransit itself adds it here). The broker probe is the service's <see cref="RabbitMqHealthCheck"/>.
    /// </summary>
    public static IServiceCollection AddStuckEndpointWatchdog(this IServiceCollection services, RabbitMqConnection broker, string clientName)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new RabbitMqHealthCheck(broker, clientName));
        services.AddOptions<StuckEndpointWatchdogOptions>();
        services.AddSingleton<StuckEndpointWatchdog>();
        services.AddHostedService(provider => provider.GetRequiredService<StuckEndpointWatchdog>());
        return services;
    }
}
