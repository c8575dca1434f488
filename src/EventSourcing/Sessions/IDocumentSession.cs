namespace Outreach.EventSourcing;

/// <summary>
/// One unit of work: appends, inline projections, queued SQL and inbox marks, committed together and once by
/// <see cref="SaveChangesAsync"/>. Not thread-safe; one per request.
/// </summary>
public interface IDocumentSession : IQuerySession
{
    new IEventStoreOperations Events { get; }

    /// <summary>Stored with every event of this unit of work.</summary>
    string? CorrelationId { get; set; }

    /// <summary>Stored with every event of this unit of work: what caused it (e.g. the id of the message being handled).</summary>
    string? CausationId { get; set; }

    /// <summary>Stored with every event and new stream of this unit of work.</summary>
    string? TenantId { get; set; }

    /// <summary>Who did it (a user or service name). Stored with every event of this unit of work.</summary>
    string? Actor { get; set; }

    /// <summary>Runs <paramref name="sql"/> (with <c>$1…</c> parameters) inside the commit, after the appends.</summary>
    void QueueSqlCommand(string sql, params object?[] parameters);

    /// <summary>
    /// Records in the inbox, inside the commit, that <paramref name="consumer"/> handled <paramref name="messageId"/>.
    /// When another delivery of the same message committed first, SaveChangesAsync rolls back and throws
    /// <see cref="MessageAlreadyHandledException"/>.
    /// </summary>
    void MarkMessageHandled(Guid messageId, string consumer);

    /// <summary>Whether the inbox already holds (<paramref name="messageId"/>, <paramref name="consumer"/>).</summary>
    Task<bool> HasHandledAsync(Guid messageId, string consumer, CancellationToken token = default);

    /// <summary>The streams this unit of work will append to.</summary>
    IReadOnlyCollection<StreamAction> PendingStreams { get; }

    /// <summary>
    /// Commits everything in one transaction. Throws <see cref="ConcurrencyException"/> when a stream is not at the
    /// expected version; nothing is written then, and no sequence number is used up.
    /// </summary>
    Task SaveChangesAsync(CancellationToken token = default);
}
