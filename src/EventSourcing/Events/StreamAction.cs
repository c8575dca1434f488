namespace Outreach.EventSourcing;

public enum StreamActionType
{
    Start,
    Append,
}

/// <summary>Events one unit of work will append to one stream, and the version it expects the stream to be at.</summary>
public sealed class StreamAction
{
    private readonly List<StoredEvent> _events = [];

    internal StreamAction(string streamId, StreamActionType actionType, Type? aggregateType, long? expectedVersionOnServer)
    {
        StreamId = streamId;
        ActionType = actionType;
        AggregateType = aggregateType;
        ExpectedVersionOnServer = expectedVersionOnServer;
    }

    public string StreamId { get; }

    public StreamActionType ActionType { get; }

    public Type? AggregateType { get; }

    /// <summary>The version the stream must have before these events: 0 = must not exist, null = no check.</summary>
    public long? ExpectedVersionOnServer { get; internal set; }

    /// <summary>The stream's version after the commit (0 until then).</summary>
    public long Version { get; internal set; }

    public IReadOnlyList<IEvent> Events => _events;

    internal List<StoredEvent> PendingEvents => _events;
}
