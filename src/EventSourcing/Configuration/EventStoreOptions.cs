using System.Text.Json;
using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>Configuration of one event store (one database), in the shape of Marten's StoreOptions.</summary>
public sealed class EventStoreOptions
{
    internal string? ConnectionString { get; private set; }
    internal string? ConnectionName { get; private set; }
    internal List<Action<NpgsqlDataSourceBuilder>> DataSourceConfigurations { get; } = [];

    /// <summary>Event type aliases.</summary>
    public EventTypeRegistry Events { get; } = new();

    public ProjectionOptions Projections { get; } = new();

    public MigrationOptions Migrations { get; } = new();

    /// <summary>How event bodies are written to and read from the jsonb column.</summary>
    public JsonSerializerOptions Serializer { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>Fallback wake-up of idle subscriptions when no notification arrives (a lost NOTIFY, a long transaction ending).</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a replica that does not hold a subscription's lock tries to take it over.</summary>
    public TimeSpan StandbyRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound of the retry backoff of every background loop.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Use this connection string (its own NpgsqlDataSource).</summary>
    public void Connection(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConnectionString = connectionString;
        ConnectionName = null;
    }

    /// <summary>Read the connection string from configuration <c>ConnectionStrings:{name}</c> (Aspire's convention).</summary>
    public void ConnectionFromConfiguration(string connectionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        ConnectionName = connectionName;
        ConnectionString = null;
    }

    /// <summary>Adjust the store's NpgsqlDataSource (type mappings, logging, tracing) before it is built.</summary>
    public void ConfigureDataSource(Action<NpgsqlDataSourceBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        DataSourceConfigurations.Add(configure);
    }
}
