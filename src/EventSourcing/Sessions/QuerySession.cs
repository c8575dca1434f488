using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>
/// A read session, with Marten 7's default connection lifetime: each read and each commit borrows a pooled connection
/// and gives it back at once, so a handler that reads, calls something slow and then commits holds no connection in
/// between (idle holders are what drain a capped pool under load). A caller that asks for the connection itself
/// (<see cref="OpenConnectionAsync"/>) pins it: from then on the session keeps that one until it is disposed.
/// </summary>
internal class QuerySession : IQuerySession
{
    private NpgsqlConnection? _connection;

    public QuerySession(DocumentStore store)
    {
        Store = store;
        Operations = new EventOperations(this, store);
    }

    protected DocumentStore Store { get; }

    internal EventOperations Operations { get; }

    public IQueryEventStore Events => Operations;

    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken token = default)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
            return _connection;
        await Store.EnsureSchemaAsync(token);
        if (_connection is not null)
            await _connection.DisposeAsync();
        _connection = await Store.DataSource.OpenConnectionAsync(token);
        return _connection;
    }

    /// <summary>A connection for one operation: the pinned one if there is one, else a pooled one given back on dispose.</summary>
    internal async ValueTask<Borrowed> BorrowAsync(CancellationToken token)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
            return new Borrowed(_connection, owned: false);
        await Store.EnsureSchemaAsync(token);
        return new Borrowed(await Store.DataSource.OpenConnectionAsync(token), owned: true);
    }

    internal readonly struct Borrowed(NpgsqlConnection connection, bool owned) : IAsyncDisposable
    {
        public NpgsqlConnection Connection { get; } = connection;

        public ValueTask DisposeAsync() => owned ? Connection.DisposeAsync() : ValueTask.CompletedTask;
    }

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken token = default) =>
        QueryAsync(sql, [], map, token);

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, IReadOnlyList<object?> parameters, Func<NpgsqlDataReader, T> map, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        await using var borrowed = await BorrowAsync(token);
        await using var command = SqlCommands.Create(sql, borrowed.Connection, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(token);
        var rows = new List<T>();
        while (await reader.ReadAsync(token))
            rows.Add(map(reader));
        return rows;
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
        GC.SuppressFinalize(this);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        _connection = null;
        GC.SuppressFinalize(this);
    }
}
