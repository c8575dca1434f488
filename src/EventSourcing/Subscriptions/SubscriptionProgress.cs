namespace Outreach.EventSourcing;

/// <summary>
/// Where a subscription stands. <see cref="Lag"/> counts committed events after its checkpoint (exact);
/// <see cref="IsRunning"/> is true while some replica holds its lock.
/// </summary>
public sealed record SubscriptionProgress(
    string Name,
    long CheckpointSequence,
    ulong CheckpointTransactionId,
    long HeadSequence,
    long Lag,
    DateTimeOffset UpdatedAt,
    bool IsRunning);
