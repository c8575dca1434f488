namespace Outreach.EventSourcing;

/// <summary>Which events leave the service as integration messages, and how they are shaped.</summary>
public sealed class RelayOptions
{
    internal Dictionary<Type, Func<object, IEvent, SqlContext, Task<object?>>> Maps { get; } = [];

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
        return MapAsync<TEvent>((data, e, _) => Task.FromResult(map(data, e)));
    }

    /// <summary>
    /// As <see cref="Map{TEvent}"/>, for a message that needs something the event does not carry, read in the relay
    /// batch's own transaction through <see cref="SqlContext"/> (e.g. the key that unseals a personal field the
    /// consumer needs). Maps run one at a time, before the batch is published.
    /// </summary>
    public RelayOptions MapAsync<TEvent>(Func<TEvent, IEvent, SqlContext, Task<object?>> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (!Maps.TryAdd(typeof(TEvent), (data, e, context) => map((TEvent)data, e, context)))
            throw new InvalidOperationException($"{typeof(TEvent).Name} is already mapped by the relay.");
        return this;
    }
}
