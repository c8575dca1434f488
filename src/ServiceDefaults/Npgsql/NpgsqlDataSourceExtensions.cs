using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;
using Outreach.ServiceDefaults.Health;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Aspire's AddNpgsqlDataSource shape: one pooled <see cref="NpgsqlDataSource"/> built from
/// ConnectionStrings:&lt;name&gt;, logging through the host, plus a readiness check named after the connection.
/// </summary>
public static class NpgsqlDataSourceExtensions
{
    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The pool cap when neither the connection string nor Npgsql:MaxPoolSize names one.</summary>
    public const int DefaultMaxPoolSize = 24;

    /// <summary>Connection open (pool wait included) and command timeouts, in seconds, unless the connection string or Npgsql:TimeoutSeconds / Npgsql:CommandTimeoutSeconds name them.</summary>
    public const int DefaultTimeoutSeconds = 2;
    public const int DefaultCommandTimeoutSeconds = 5;

    /// <summary>Registers the service's database as the (unkeyed) <see cref="NpgsqlDataSource"/> and <see cref="DbDataSource"/>.</summary>
    public static TBuilder AddNpgsqlDataSource<TBuilder>(this TBuilder builder, string connectionName,
        Action<NpgsqlDataSourceBuilder>? configure = null) where TBuilder : IHostApplicationBuilder
    {
        var connectionString = RequireConnectionString(builder.Configuration, connectionName);
        connectionString = WithPoolBudget(connectionString, builder.Configuration);
        builder.Services.AddSingleton(services => Build(services, connectionName, connectionString, configure));
        builder.Services.AddSingleton<DbDataSource>(services => services.GetRequiredService<NpgsqlDataSource>());
        AddHealthCheck(builder, connectionName, services => services.GetRequiredService<NpgsqlDataSource>());
        return builder;
    }

    /// <summary>For a service with more than one database: resolve it with [FromKeyedServices("name")].</summary>
    public static TBuilder AddKeyedNpgsqlDataSource<TBuilder>(this TBuilder builder, string connectionName,
        Action<NpgsqlDataSourceBuilder>? configure = null) where TBuilder : IHostApplicationBuilder
    {
        var connectionString = WithPoolBudget(RequireConnectionString(builder.Configuration, connectionName), builder.Configuration);
        builder.Services.AddKeyedSingleton(connectionName, (services, _) => Build(services, connectionName, connectionString, configure));
        builder.Services.AddKeyedSingleton<DbDataSource>(connectionName,
            (services, key) => services.GetRequiredKeyedService<NpgsqlDataSource>(key));
        AddHealthCheck(builder, connectionName, services => services.GetRequiredKeyedService<NpgsqlDataSource>(connectionName));
        return builder;
    }

    private static string RequireConnectionString(IConfiguration configuration, string connectionName)
    {
        var connectionString = configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is missing. Run the service under the AppHost, or set " +
                $"ConnectionStrings__{connectionName}=\"Host=…;Port=…;Username=…;Password=…;Database=…\".");
        }

        return connectionString;
    }

    /// <summary>
    /// Caps the pool unless the connection string sets its own size. Npgsql's default of 100 lets a burst open a server
    /// backend per request: three services with their replicas then pass PostgreSQL's max_connections and the server
    /// refuses everyone (53300), and a 2-core server runs no faster with hundreds of backends than with a few dozen.
    /// With the cap a burst waits for a pooled connection inside the service, where waiting costs nothing, and a wait
    /// past the connection timeout answers 503 (see DatabaseUnavailableExceptionHandler).
    /// </summary>
    /// <remarks>
    /// The timeouts: a database server that hangs (stopped, swapping, a network that drops packets) keeps its sockets
    /// open, and Npgsql then ends neither a query nor a new connection's handshake when the request's token is
    /// cancelled, only at its own timeouts: a query at its command timeout or its cancellation, plus one connection
    /// timeout for the cancel request it then sends (two when the cancel request also negotiates TLS; the AppHost's
    /// loopback server has none: SSL Mode=Disable); an open at the connection timeout.
    /// Npgsql's defaults (30 s and 15 s) make that a minute. A request's queries take milliseconds and a loopback or LAN
    /// handshake far less than 2 s, so 5 s a command and 2 s an open (pool wait included: past it the pool is
    /// exhausted and 503 is the honest answer) bound every database call, and with the request deadline every request
    /// (README, "Deadlines"). Schema migrations and projection rebuilds set their own.
    /// </remarks>
    private static string WithPoolBudget(string connectionString, IConfiguration configuration)
    {
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var budget = new NpgsqlConnectionStringBuilder(connectionString);
        if (!PoolSizeKeywords.Any(written.ContainsKey))
            budget.MaxPoolSize = configuration.GetValue("Npgsql:MaxPoolSize", DefaultMaxPoolSize);
        if (!TimeoutKeywords.Any(written.ContainsKey))
            budget.Timeout = configuration.GetValue("Npgsql:TimeoutSeconds", DefaultTimeoutSeconds);
        if (!CommandTimeoutKeywords.Any(written.ContainsKey))
            budget.CommandTimeout = configuration.GetValue("Npgsql:CommandTimeoutSeconds", DefaultCommandTimeoutSeconds);
        return budget.ConnectionString;
    }

    private static readonly string[] PoolSizeKeywords = ["Maximum Pool Size", "Max Pool Size", "MaxPoolSize"];
    private static readonly string[] TimeoutKeywords = ["Timeout", "Connect Timeout", "Connection Timeout"];
    private static readonly string[] CommandTimeoutKeywords = ["Command Timeout", "CommandTimeout"];

    private static NpgsqlDataSource Build(IServiceProvider services, string connectionName, string connectionString,
        Action<NpgsqlDataSourceBuilder>? configure)
    {
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString)
        {
            // Named after the connection, so pool metrics and spans never show the connection string.
            Name = connectionName,
        };
        dataSourceBuilder.UseLoggerFactory(services.GetService<ILoggerFactory>());
        configure?.Invoke(dataSourceBuilder);
        return dataSourceBuilder.Build();
    }

    private static void AddHealthCheck(IHostApplicationBuilder builder, string connectionName,
        Func<IServiceProvider, NpgsqlDataSource> dataSource) =>
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            services => new NpgsqlHealthCheck(dataSource(services)),
            failureStatus: HealthStatus.Unhealthy,
            tags: [HealthTags.Ready, "db"],
            timeout: HealthCheckTimeout));
}
