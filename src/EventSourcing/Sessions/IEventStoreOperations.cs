namespace Outreach.EventSourcing;

/// <summary>Appending to the log within a unit of work. Nothing is written before SaveChangesAsync.</summary>
public interface IEventStoreOperations : IQueryEventStore
{
    /// <summary>Starts a new stream owned by <typeparamref name="TAggregate"/>; the commit fails with a ConcurrencyException when it exists.</summary>
    StreamAction StartStream<TAggregate>(string streamId, params object[] events) where TAggregate : class;

    /// <summary>Starts a new stream; the commit fails with a ConcurrencyException when it exists.</summary>
    StreamAction StartStream(string streamId, params object[] events);

    /// <summary>Appends without a version check, creating the stream when missing.</summary>
    StreamAction Append(string streamId, params object[] events);

    /// <summary>
    /// Appends with optimistic concurrency. As in Marten, <paramref name="expectedVersion"/> is the version the stream
    /// will have AFTER these events: the stream must be at <c>expectedVersion - events.Length</c> now.
    /// </summary>
    StreamAction Append(string streamId, long expectedVersion, params object[] events);

    /// <summary>Loads the stream's aggregate; events appended through the result commit only if the stream is still at the loaded version.</summary>
    Task<IEventStream<T>> FetchForWriting<T>(string streamId, CancellationToken cancellation = default) where T : class;

    /// <summary>As <see cref="FetchForWriting{T}(string, CancellationToken)"/>, and fails at once unless the stream is at <paramref name="expectedVersion"/> now.</summary>
    Task<IEventStream<T>> FetchForWriting<T>(string streamId, long expectedVersion, CancellationToken cancellation = default) where T : class;
}
