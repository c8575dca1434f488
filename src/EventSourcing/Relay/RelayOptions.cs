namespace Outreach.EventSourcing;

/// <summary>Which events leave the service as integration messages, and how they are shaped.</summary>
public sealed class RelayOptions
{
    internal Dictionary<Type, Func<object, IEvent, object?>> Maps { get; } = [];

    /// <summary>Subscription name (checkpoint and lock key). One relay per database.</summary>
    public string Name { get; set; } = "relay";

    /// <summary>Events published (in parallel, each awaited to its broker confirm) per checkpointed batch.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How long a batch may wait for the broker before it is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Publishes <paramref name="map"/>'s message for every <typeparamref name="TEvent"/>. Return null to skip one.
    /// The message must be a type in a namespace (MassTransit names its exchange after it) and carry no secrets.
    /// </summary>
    public RelayOptions Map<TEvent>(Func<TEvent, IEvent, object?> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (!Maps.TryAdd(typeof(TEvent), (data, e) => map((TEvent)data, e)))
            throw new InvalidOperationException($"{typeof(TEvent).Name} is already mapped by the relay.");
        return this;
    }
}
