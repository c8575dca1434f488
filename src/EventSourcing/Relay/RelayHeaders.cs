namespace Outreach.EventSourcing;

/// <summary>Headers the relay adds to every message.</summary>
public static class RelayHeaders
{
    /// <summary>The correlation id stored with the event, verbatim (MassTransit's CorrelationId only holds Guids).</summary>
    public const string CorrelationId = "Outreach-CorrelationId";

    /// <summary>The event's global sequence number in its service's log.</summary>
    public const string EventSequence = "Outreach-EventSequence";
}
