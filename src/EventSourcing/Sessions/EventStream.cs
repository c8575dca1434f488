namespace Outreach.EventSourcing;

internal sealed class EventStream<T>(EventOperations operations, string key, T? aggregate, long startingVersion) : IEventStream<T>
    where T : class
{
    private StreamAction? _action;

    public string Key => key;

    public T? Aggregate => aggregate;

    public long? StartingVersion => startingVersion;

    public long? CurrentVersion => startingVersion + (_action?.PendingEvents.Count ?? 0);

    public IReadOnlyList<IEvent> Events => _action?.Events ?? [];

    public void AppendOne(object eventData) => AppendMany(eventData);

    public void AppendMany(params object[] events) => _action = operations.AppendFetched(key, typeof(T), startingVersion, events);

    public void AppendMany(IEnumerable<object> events) => AppendMany(events.ToArray());
}
