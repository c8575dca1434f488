using Microsoft.Extensions.DependencyInjection;

namespace Outreach.EventSourcing;

/// <summary>Adds subscriptions and the relay to the store registered by AddEventStore.</summary>
public sealed class EventStoreBuilder
{
    internal EventStoreBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    /// <summary>Runs <typeparamref name="T"/> (resolved from DI, one instance) as a supervised, checkpointed subscription.</summary>
    public EventStoreBuilder AddSubscription<T>() where T : EventSubscription
    {
        Services.AddSingleton<T>();
        Services.AddSingleton<EventSubscription>(sp => sp.GetRequiredService<T>());
        return this;
    }

    /// <summary>Runs this instance as a supervised, checkpointed subscription.</summary>
    public EventStoreBuilder AddSubscription(EventSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        Services.AddSingleton(subscription);
        return this;
    }

    /// <summary>
    /// Publishes mapped events through MassTransit (IPublishEndpoint from DI; configure MassTransit yourself) with the
    /// event id as MessageId, the stored correlation id, and the stored trace as parent.
    /// </summary>
    public EventStoreBuilder AddRelay(Action<RelayOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new RelayOptions();
        configure(options);
        return AddSubscription(new RelaySubscription(options));
    }
}
