using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>The event store of one database. Build it with AddEventStore, or <see cref="For"/> outside a host.</summary>
public sealed class DocumentStore : IDocumentStore
{
    private readonly bool _ownsDataSource;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private readonly ConcurrentDictionary<Type, bool> _registeredAggregates = new();
    private volatile bool _schemaReady;

    internal DocumentStore(EventStoreOptions options, NpgsqlDataSource dataSource, bool ownsDataSource, ILoggerFactory loggerFactory)
    {
        Options = options;
        DataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        LoggerFactory = loggerFactory;
        Reader = new EventReader(options.Events, options.Serializer);
        Queries = new EventLogQueries(Reader);
        Notifier = new CommitNotifier(dataSource, Changes, loggerFactory.CreateLogger<CommitNotifier>());
        Advanced = new AdvancedOperations(this);
        foreach (var type in options.Projections.All.SelectMany(p => p.HandledTypes))
            options.Events.AliasFor(type);
    }

    /// <summary>A store outside dependency injection (tools, benchmarks). Migrations run on first use.</summary>
    public static DocumentStore For(Action<EventStoreOptions> configure, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new EventStoreOptions();
        configure(options);
        var connectionString = options.ConnectionString
            ?? throw new InvalidOperationException("Call options.Connection(connectionString) for a store built with DocumentStore.For.");
        return new DocumentStore(options, DataSources.Build(connectionString, options), ownsDataSource: true, loggerFactory ?? NullLoggerFactory.Instance);
    }

    public EventStoreOptions Options { get; }

    public AdvancedOperations Advanced { get; }

    internal NpgsqlDataSource DataSource { get; }

    internal ILoggerFactory LoggerFactory { get; }

    internal EventReader Reader { get; }

    internal EventLogQueries Queries { get; }

    internal ChangeSignal Changes { get; } = new();

    internal CommitNotifier Notifier { get; }

    public IDocumentSession LightweightSession() => new DocumentSession(this);

    public IQuerySession QuerySession() => new QuerySession(this);

    /// <summary>Applies missing migrations once per store instance (every process runs them at startup or first use).</summary>
    internal async Task EnsureSchemaAsync(CancellationToken token)
    {
        if (_schemaReady)
            return;
        await _schemaLock.WaitAsync(token);
        try
        {
            if (_schemaReady)
                return;
            await new SchemaMigrator(DataSource, Options.Migrations.Steps, LoggerFactory.CreateLogger<SchemaMigrator>()).ApplyAsync(token);
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    internal StoredEvent NewEvent(string streamId, object data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var type = data.GetType();
        return new StoredEvent
        {
            Id = Guid.CreateVersion7(),
            StreamId = streamId,
            Data = data,
            EventType = type,
            EventTypeName = Options.Events.AliasFor(type),
        };
    }

    internal string Serialize(object data) => JsonSerializer.Serialize(data, data.GetType(), Options.Serializer);

    /// <summary>Registers the aliases of an aggregate's Apply/Create events before its stream is read.</summary>
    internal void RegisterAggregate(Type aggregateType)
    {
        if (!_registeredAggregates.TryAdd(aggregateType, true))
            return;
        foreach (var type in AggregateBuilder.EventTypesOf(aggregateType))
            Options.Events.AliasFor(type);
    }

    internal IReadOnlyList<EventProjection> ProjectionsHandling(IReadOnlyList<StoredEvent> events)
    {
        var all = Options.Projections.All;
        if (all.Count == 0 || events.Count == 0)
            return [];
        return all.Where(p => events.Any(e => p.Handles(e.EventType))).ToList();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await Notifier.DisposeAsync();
        if (_ownsDataSource)
            await DataSource.DisposeAsync();
        _schemaLock.Dispose();
    }
}
