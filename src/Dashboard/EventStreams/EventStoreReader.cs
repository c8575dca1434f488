using Npgsql;

namespace Outreach.Dashboard.EventStreams;

/// <summary>
/// Reads one service's event store. Its own small pool, and every session is read-only at the server
/// (default_transaction_read_only), so a mistake here can never write to a service's database.
/// </summary>
public sealed class EventStoreReader : IAsyncDisposable
{
    // Postgres error codes that mean "this service has not created its store yet", not "something broke".
    private const string DatabaseDoesNotExist = "3D000";
    private const string TableDoesNotExist = "42P01";

    private readonly NpgsqlDataSource _dataSource;

    public EventStoreReader(EventStoreSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ServiceName = source.ServiceName;
        var connection = new NpgsqlConnectionStringBuilder(source.ConnectionString)
        {
            ApplicationName = "outreach-dashboard",
            Options = "-c default_transaction_read_only=on",
            MaxPoolSize = 2,
            Timeout = 3,
            CommandTimeout = 5,
        };
        _dataSource = NpgsqlDataSource.Create(connection.ConnectionString);
    }

    public string ServiceName { get; }

    /// <summary>Runs <paramref name="query"/> on a fresh connection; a missing database or table reads as NotStarted.</summary>
    public async Task<StoreRead<T>> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            var value = await query(connection, cancellationToken);
            return new StoreRead<T>(ServiceName, StoreState.Ready, value, null);
        }
        catch (PostgresException e) when (e.SqlState is DatabaseDoesNotExist or TableDoesNotExist)
        {
            return new StoreRead<T>(ServiceName, StoreState.NotStarted, default, "not started: the service has not created its event store yet");
        }
        catch (Exception e) when ((e is NpgsqlException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            return new StoreRead<T>(ServiceName, StoreState.Unavailable, default, e.Message);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
