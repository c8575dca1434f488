namespace Outreach.EventSourcing;

/// <summary>The store's IEvent. Pending events get their sequence, version and timestamp when committed.</summary>
internal sealed class StoredEvent : IEvent
{
    public required Guid Id { get; init; }
    public long Sequence { get; set; }
    public long Version { get; set; }
    public required string StreamId { get; init; }
    public required object Data { get; init; }
    public required Type EventType { get; init; }
    public required string EventTypeName { get; init; }
    public DateTimeOffset Timestamp { get; set; }
    public ulong TransactionId { get; set; }
    public string? CorrelationId { get; set; }
    public string? CausationId { get; set; }
    public string? TraceParent { get; set; }
    public string? TenantId { get; set; }
    public string? Actor { get; set; }
}
