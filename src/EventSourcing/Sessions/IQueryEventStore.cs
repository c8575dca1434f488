namespace Outreach.EventSourcing;

/// <summary>Reading the event log: whole streams and aggregates. Queries for screens read read tables instead.</summary>
public interface IQueryEventStore
{
    /// <summary>The stream's events in version order, up to <paramref name="version"/> (0 = all). Empty when there is no stream.</summary>
    Task<IReadOnlyList<IEvent>> FetchStreamAsync(string streamId, long version = 0, CancellationToken token = default);

    /// <summary>
    /// The aggregate rebuilt from the stream (up to <paramref name="version"/>, 0 = all) by its public
    /// <c>Apply(TEvent)</c> methods, or null when the stream does not exist.
    /// </summary>
    /// <remarks>
    /// The first event creates the instance through a public static <c>T Create(TEvent)</c> when there is one,
    /// otherwise through the parameterless constructor (it may be private). <c>Apply</c> may return void or a new T.
    /// A writable string <c>Id</c> is set to the stream id and a writable long/int <c>Version</c> to the stream version.
    /// </remarks>
    Task<T?> AggregateStreamAsync<T>(string streamId, long version = 0, CancellationToken token = default) where T : class;

    /// <summary>The stream's row (version, type, tenant), or null when it does not exist.</summary>
    Task<StreamState?> FetchStreamStateAsync(string streamId, CancellationToken token = default);
}
