using Npgsql;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.Postgres;
using Outreach.AppHost.Hosting.RabbitMQ;
using Outreach.AppHost.Hosting.State;
using Xunit;

namespace Outreach.Testing;

/// <summary>
/// Real PostgreSQL and RabbitMQ for tests, started by the AppHost's own hosting code on fresh loopback
/// ports in a temporary data directory that is deleted on dispose. Use it as a class or collection fixture.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private const string PostgresName = "postgres";
    private const string RabbitMqName = "rabbitmq";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private DistributedApplication? _app;
    private PostgresServerResource? _postgres;
    private RabbitMQServerResource? _rabbitMq;

    /// <summary>The server's admin connection string (database "postgres").</summary>
    public string PostgresConnectionString => Postgres.GetConnectionString("postgres");

    /// <summary>amqp://user:pass@127.0.0.1:port of a broker private to this fixture.</summary>
    public string RabbitMqConnectionString => RabbitMq.GetConnectionString();

    /// <summary>The running application, for tests that need more than the shortcuts below.</summary>
    public DistributedApplication App => _app ?? throw NotStarted();

    private PostgresServerResource Postgres => _postgres ?? throw NotStarted();

    private RabbitMQServerResource RabbitMq => _rabbitMq ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        // Servers left by test runs that were killed before they could dispose their fixture go first.
        await AbandonedDataDirectories.SweepAsync();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            DataDirectory = Directory.CreateTempSubdirectory(AbandonedDataDirectories.FixturePrefix).FullName,
            DeleteDataDirectoryOnDispose = true,
            ConsoleOutput = false,
            LiveConsole = false,
            // A fixture's broker is killed and restarted by tests: it must never be someone else's server.
            AllowExternalResources = false,
            DisableDashboard = true,
        });
        _postgres = builder.AddPostgres(PostgresName).Resource;
        _rabbitMq = builder.AddRabbitMQ(RabbitMqName).Resource;
        _app = builder.Build();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        await Task.WhenAll(
            _app.ResourceNotifications.WaitForResourceHealthyAsync(PostgresName, timeout.Token),
            _app.ResourceNotifications.WaitForResourceHealthyAsync(RabbitMqName, timeout.Token));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>
    /// A database on the shared server (created if it does not exist yet); its connection string
    /// "Host=127.0.0.1;Port=…;Username=…;Password=…;Database=&lt;name&gt;". The name defaults to a unique one.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= $"test_{Guid.NewGuid():N}";
        await PostgresDatabaseCreator.EnsureCreatedAsync(Postgres, [name], CancellationToken.None);
        return Postgres.GetConnectionString(name);
    }

    /// <summary>Kill -9 the broker, then start it again on the same port, credentials and data.</summary>
    public async Task RestartRabbitMqAsync()
    {
        await KillRabbitMqAsync();
        await StartRabbitMqAsync();
    }

    /// <summary>Kill -9 the broker and leave it down (for "broker down" tests).</summary>
    public Task KillRabbitMqAsync() => App.ResourceCommands.KillResourceAsync(RabbitMqName);

    /// <summary>Start the broker again after <see cref="KillRabbitMqAsync"/>; returns once it accepts connections.</summary>
    public async Task StartRabbitMqAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.ResourceCommands.StartResourceAsync(RabbitMqName, timeout.Token);
    }

    /// <summary>Stop the database server (fast shutdown) and start it again; returns once it accepts connections.</summary>
    public async Task RestartPostgresAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.ResourceCommands.RestartResourceAsync(PostgresName, timeout.Token);
        // Pooled connections to the old server process are dead; drop them so the next open gets a live one.
        NpgsqlConnection.ClearAllPools();
    }

    private static InvalidOperationException NotStarted() =>
        new("The fixture has not been initialised; use it through IClassFixture or a collection fixture.");
}
