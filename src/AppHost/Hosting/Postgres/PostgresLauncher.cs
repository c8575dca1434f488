using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Outreach.AppHost.Hosting.Orchestration;
using Outreach.AppHost.Hosting.Processes;
using Outreach.AppHost.Hosting.State;

namespace Outreach.AppHost.Hosting.Postgres;

/// <summary>Runs the machine's PostgreSQL on a private data directory, loopback only, and creates the declared databases.</summary>
internal sealed class PostgresLauncher(PostgresServerResource server, DataDirectory dataDirectory, HostingSettings settings) : IResourceLauncher
{
    private const string SystemUserName = "postgres";

    private string Home => dataDirectory.Combine(server.Name);

    private string DataPath => Path.Combine(Home, "data");

    private string SocketDirectory => Path.Combine(Home, "run");

    public IReadOnlyList<string> Urls => server.IsExternal ? [] : [$"tcp://{server.Host}:{server.Port}"];

    // SIGINT is PostgreSQL's "fast" shutdown: it ends sessions instead of waiting for clients to leave.
    public int GracefulStopSignal => UnixSignal.Interrupt;

    public TimeSpan GracefulStopTimeout => TimeSpan.FromSeconds(15);

    public int? EpmdPort => null;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (server.IsExternal)
        {
            return;
        }

        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(SocketDirectory);
        await SystemUser.GiveOwnershipAsync(SystemUserName, Home, cancellationToken);
        if (!File.Exists(Path.Combine(DataPath, "PG_VERSION")))
        {
            await InitializeAsync(cancellationToken);
        }
    }

    public ProcessStartInfo? CreateStartInfo()
    {
        if (server.IsExternal)
        {
            return null;
        }

        var startInfo = SystemUser.StartInfo(SystemUserName, Path.Combine(settings.PostgresBinDirectory, "postgres"),
        [
            "-D", DataPath,
            "-p", server.Port.ToString(CultureInfo.InvariantCulture),
            "-k", SocketDirectory,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=300",
            // Per-statement timings for "why is it slow": CREATE EXTENSION pg_stat_statements in a database to read them.
            "-c", "shared_preload_libraries=pg_stat_statements",
        ]);
        startInfo.WorkingDirectory = Home;
        return startInfo;
    }

    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server.GetConnectionString())
        {
            Pooling = false,
            Timeout = 3,
        };
        if (!server.IsExternal)
        {
            connectionString.Database = "postgres";
        }

        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public Task OnFirstHealthyAsync(CancellationToken cancellationToken) =>
        PostgresDatabaseCreator.EnsureCreatedAsync(server, server.Databases.Select(database => database.DatabaseName), cancellationToken);

    public Task OnStoppedAsync() => Task.CompletedTask;

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // initdb reads the superuser password from a file the postgres user can read; it is removed right after.
        var passwordFile = Path.Combine(Home, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, server.Password, cancellationToken);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            await SystemUser.GiveOwnershipAsync(SystemUserName, passwordFile, cancellationToken);
            var startInfo = SystemUser.StartInfo(SystemUserName, Path.Combine(settings.PostgresBinDirectory, "initdb"),
            [
                "-D", DataPath,
                "-U", server.UserName,
                "--pwfile", passwordFile,
                "--auth", "scram-sha-256",
                "--encoding", "UTF8",
                "--no-locale",
            ]);
            startInfo.WorkingDirectory = Home;
            var result = await ProcessRunner.RunAsync(startInfo, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"initdb failed with code {result.ExitCode}: {result.Output}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
