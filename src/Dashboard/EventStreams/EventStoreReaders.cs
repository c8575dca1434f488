namespace Outreach.Dashboard.EventStreams;

/// <summary>One reader per configured service, in the order the options list them.</summary>
public sealed class EventStoreReaders : IAsyncDisposable
{
    private readonly List<EventStoreReader> _readers;

    public EventStoreReaders(DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _readers = [.. options.EventStores.Select(source => new EventStoreReader(source))];
    }

    public IReadOnlyList<EventStoreReader> All => _readers;

    public EventStoreReader? Find(string serviceName) =>
        _readers.FirstOrDefault(reader => string.Equals(reader.ServiceName, serviceName, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        foreach (var reader in _readers)
        {
            await reader.DisposeAsync();
        }
    }
}
