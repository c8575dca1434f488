namespace Outreach.EventSourcing;

/// <summary>
/// A position in the log as subscriptions read it: after (transaction, sequence). Ordering by the pair, not by the
/// sequence alone, is what makes the horizon safe: a transaction may take a smaller seq_id than another yet get a
/// larger xid, so "seq_id &gt; checkpoint" could skip it once the other one was read.
/// </summary>
internal readonly record struct SubscriptionCursor(ulong TransactionId, long Sequence)
{
    public static readonly SubscriptionCursor Start = new(0, 0);

    public static SubscriptionCursor After(IEvent e) => new(e.TransactionId, e.Sequence);

    /// <summary>Everything below <paramref name="horizon"/> has been read (no event of an older transaction can still appear).</summary>
    public static SubscriptionCursor BelowHorizon(ulong horizon) => new(horizon - 1, long.MaxValue);

    public bool IsBefore(SubscriptionCursor other) =>
        TransactionId < other.TransactionId || (TransactionId == other.TransactionId && Sequence < other.Sequence);
}
