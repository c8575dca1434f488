using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>Read access: the event log for command handlers, read tables for queries. Not thread-safe; one per request.</summary>
public interface IQuerySession : IAsyncDisposable, IDisposable
{
    IQueryEventStore Events { get; }

    /// <summary>Pins a connection to the session (kept until the session is disposed) for your own read-table queries.</summary>
    Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken token = default);

    /// <summary>Runs a query on a read table; <c>$1, $2…</c> bind <paramref name="parameters"/> in order.</summary>
    Task<IReadOnlyList<T>> QueryAsync<T>(string sql, IReadOnlyList<object?> parameters, Func<NpgsqlDataReader, T> map, CancellationToken token = default);

    Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken token = default);
}
