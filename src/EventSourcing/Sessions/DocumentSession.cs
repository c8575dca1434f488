using System.Diagnostics;
using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>The unit of work. See <see cref="IDocumentSession"/>; the commit itself is in <see cref="UnitOfWork"/>.</summary>
internal sealed class DocumentSession(DocumentStore store) : QuerySession(store), IDocumentSession
{
    private readonly List<(string Sql, object?[] Parameters)> _sql = [];
    private readonly List<(Guid MessageId, string Consumer)> _inbox = [];

    public new IEventStoreOperations Events => Operations;

    public string? CorrelationId { get; set; }

    public string? CausationId { get; set; }

    public string? TenantId { get; set; }

    public string? Actor { get; set; }

    public IReadOnlyCollection<StreamAction> PendingStreams => Operations.Pending;

    public void QueueSqlCommand(string sql, params object?[] parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        _sql.Add((sql, parameters ?? []));
    }

    public void MarkMessageHandled(Guid messageId, string consumer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        _inbox.Add((messageId, consumer));
    }

    public async Task<bool> HasHandledAsync(Guid messageId, string consumer, CancellationToken token = default)
    {
        await using var borrowed = await BorrowAsync(token);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM inbox WHERE message_id = $1 AND consumer = $2)", borrowed.Connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumer });
        return (bool)(await command.ExecuteScalarAsync(token))!;
    }

    public async Task SaveChangesAsync(CancellationToken token = default)
    {
        var streams = Operations.Pending.Where(s => s.PendingEvents.Count > 0).ToList();
        if (streams.Count == 0 && _sql.Count == 0 && _inbox.Count == 0)
            return;

        var started = Stopwatch.GetTimestamp();
        using var activity = EventStoreTelemetry.Source.StartActivity("append events");
        activity?.SetTag("db.system.name", "postgresql");
        activity?.SetTag("outreach.eventsourcing.streams", streams.Count);
        var metadata = new SessionMetadata(CorrelationId, CausationId, TraceParentOf(activity ?? Activity.Current), TenantId, Actor);
        var events = streams.SelectMany(s => s.PendingEvents).ToList();
        activity?.SetTag("outreach.eventsourcing.events", events.Count);

        await using var borrowed = await BorrowAsync(token);
        var unitOfWork = new UnitOfWork(Store, borrowed.Connection, streams, events, metadata, _sql, _inbox);
        try
        {
            await unitOfWork.CommitAsync(token);
        }
        catch (ConcurrencyException e)
        {
            EventStoreTelemetry.AppendConflicts.Add(1);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }

        foreach (var stream in streams)
            stream.Version = stream.PendingEvents[^1].Version;
        Operations.Clear();
        _sql.Clear();
        _inbox.Clear();
        if (events.Count > 0)
        {
            Store.Notifier.Committed();
            EventStoreTelemetry.EventsAppended.Add(events.Count);
        }
        EventStoreTelemetry.AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>The W3C traceparent to store with the events, so the relay can continue this trace.</summary>
    private static string? TraceParentOf(Activity? activity) =>
        activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;
}
