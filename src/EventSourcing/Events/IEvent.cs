namespace Outreach.EventSourcing;

/// <summary>One event as stored in the log, with its position and metadata.</summary>
public interface IEvent
{
    /// <summary>Unique id of the event; the relay uses it as the MessageId of the integration message.</summary>
    Guid Id { get; }

    /// <summary>Global sequence number (seq_id). Gaps are normal: rolled-back appends leave them.</summary>
    long Sequence { get; }

    /// <summary>Position in its stream, from 1.</summary>
    long Version { get; }

    string StreamId { get; }

    /// <summary>The event body: an instance of <see cref="EventType"/>, or a JsonElement when the alias is unknown here.</summary>
    object Data { get; }

    Type EventType { get; }

    /// <summary>The stable alias stored in the log.</summary>
    string EventTypeName { get; }

    DateTimeOffset Timestamp { get; }

    /// <summary>The PostgreSQL transaction (xid8) that wrote the event.</summary>
    ulong TransactionId { get; }

    string? CorrelationId { get; }

    string? CausationId { get; }

    /// <summary>W3C traceparent of the operation that appended the event.</summary>
    string? TraceParent { get; }

    string? TenantId { get; }

    string? Actor { get; }
}
