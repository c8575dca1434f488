namespace Outreach.EventSourcing;

/// <summary>A session's event log: reads go to the database at once, appends wait for SaveChangesAsync.</summary>
internal sealed class EventOperations(QuerySession session, DocumentStore store) : IEventStoreOperations
{
    private readonly Dictionary<string, StreamAction> _pending = new(StringComparer.Ordinal);

    public IReadOnlyCollection<StreamAction> Pending => _pending.Values;

    public void Clear() => _pending.Clear();

    public StreamAction StartStream<TAggregate>(string streamId, params object[] events) where TAggregate : class =>
        Add(streamId, StreamActionType.Start, typeof(TAggregate), 0, events);

    public StreamAction StartStream(string streamId, params object[] events) =>
        Add(streamId, StreamActionType.Start, null, 0, events);

    public StreamAction Append(string streamId, params object[] events) =>
        Add(streamId, StreamActionType.Append, null, null, events);

    public StreamAction Append(string streamId, long expectedVersion, params object[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var before = expectedVersion - events.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(before, 0, nameof(expectedVersion));
        return Add(streamId, StreamActionType.Append, null, before, events);
    }

    public async Task<IEventStream<T>> FetchForWriting<T>(string streamId, CancellationToken cancellation = default) where T : class
    {
        store.RegisterAggregate(typeof(T));
        var events = await FetchStreamAsync(streamId, 0, cancellation);
        return new EventStream<T>(this, streamId, AggregateBuilder.Build<T>(events), events.Count == 0 ? 0 : events[^1].Version);
    }

    public async Task<IEventStream<T>> FetchForWriting<T>(string streamId, long expectedVersion, CancellationToken cancellation = default) where T : class
    {
        var stream = await FetchForWriting<T>(streamId, cancellation);
        if (stream.StartingVersion != expectedVersion)
            throw new ConcurrencyException(streamId, expectedVersion, stream.StartingVersion ?? 0);
        return stream;
    }

    public Task<IReadOnlyList<IEvent>> FetchStreamAsync(string streamId, long version = 0, CancellationToken token = default) =>
        store.Queries.FetchStreamAsync(session, streamId, version, token);

    public async Task<T?> AggregateStreamAsync<T>(string streamId, long version = 0, CancellationToken token = default) where T : class
    {
        store.RegisterAggregate(typeof(T));
        return AggregateBuilder.Build<T>(await FetchStreamAsync(streamId, version, token));
    }

    public Task<StreamState?> FetchStreamStateAsync(string streamId, CancellationToken token = default) =>
        EventLogQueries.FetchStreamStateAsync(session, streamId, token);

    /// <summary>Appends for a stream fetched for writing: first append fixes the expected version, later ones add to it.</summary>
    internal StreamAction AppendFetched(string streamId, Type aggregateType, long startingVersion, object[] events)
    {
        if (_pending.ContainsKey(streamId))
            return Add(streamId, StreamActionType.Append, aggregateType, null, events);
        return startingVersion == 0
            ? Add(streamId, StreamActionType.Start, aggregateType, 0, events)
            : Add(streamId, StreamActionType.Append, aggregateType, startingVersion, events);
    }

    private StreamAction Add(string streamId, StreamActionType type, Type? aggregateType, long? expectedBefore, object[] events)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);
        if (!_pending.TryGetValue(streamId, out var action))
        {
            action = new StreamAction(streamId, type, aggregateType, expectedBefore);
            _pending.Add(streamId, action);
        }
        else if (expectedBefore is { } before && action.ExpectedVersionOnServer is { } known
                 && before != known + action.PendingEvents.Count)
        {
            throw new InvalidOperationException(
                $"Stream '{streamId}' is appended twice in this session with versions that do not follow each other.");
        }
        else if (action.ExpectedVersionOnServer is null && expectedBefore is { } first)
        {
            // The first append had no expectation; the later one pins where the stream must have started.
            action.ExpectedVersionOnServer = first - action.PendingEvents.Count;
        }

        foreach (var data in events)
            action.PendingEvents.Add(store.NewEvent(streamId, data));
        return action;
    }
}
