namespace Outreach.EventSourcing;

/// <summary>
/// A background reader of the log with a checkpoint. Register with AddSubscription; exactly one replica runs it.
/// <para>
/// Delivery: every committed event exactly once, in batches, in (transaction id, sequence) order: a transaction's
/// events together and in sequence order, and each stream in version order. Events of different streams may come
/// out of global sequence order (a transaction that took a smaller seq_id can commit later). An event is delivered
/// once every transaction older than its own has finished, so a late commit is never skipped and a rolled-back
/// sequence number never blocks anything.
/// </para>
/// <para>
/// Exactly once holds for what you write through <see cref="SubscriptionContext"/>: it commits in the same
/// transaction as the checkpoint. Side effects elsewhere (a broker, an e-mail) are at least once: the batch is retried
/// after a failure, so make them idempotent (the relay uses the event id as message id).
/// </para>
/// </summary>
public abstract class EventSubscription
{
    private readonly HashSet<Type> _includedTypes = [];

    protected EventSubscription()
    {
        Name = GetType().Name;
    }

    /// <summary>Stable name: keys the checkpoint and the single-instance lock.</summary>
    public string Name { get; protected init; }

    /// <summary>Most events handed to one ProcessEventsAsync call (and one transaction).</summary>
    public int BatchSize { get; protected init; } = 500;

    /// <summary>When not empty, only events of these types are delivered.</summary>
    public IReadOnlyCollection<Type> IncludedTypes => _includedTypes;

    protected void IncludeType<T>() => _includedTypes.Add(typeof(T));

    protected void IncludeType(Type eventType) => _includedTypes.Add(eventType);

    /// <summary>
    /// Handles one batch. Write through <paramref name="context"/>; the checkpoint commits with it. Throwing rolls
    /// the batch back; it is retried with backoff (so an event is never skipped).
    /// </summary>
    public abstract Task ProcessEventsAsync(IReadOnlyList<IEvent> events, SubscriptionContext context);
}
