using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>A read session: one lazily opened connection, closed on dispose.</summary>
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

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken token = default) =>
        QueryAsync(sql, [], map, token);

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, IReadOnlyList<object?> parameters, Func<NpgsqlDataReader, T> map, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        var connection = await OpenConnectionAsync(token);
        await using var command = SqlCommands.Create(sql, connection, null, parameters);
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
