using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Testing;

namespace Outreach.SeatService.Bench;

/// <summary>An access key as issued by the operator route.</summary>
internal sealed record IssuedKey(string AccountId, string KeyId, string AccessKey);

/// <summary>
/// The whole system started the way tests/SeatService.Tests/SeatServiceFixture.cs starts it: the AppHost's real
/// Program through its testing entry (private PostgreSQL and RabbitMQ, the real service processes on random ports).
/// </summary>
internal sealed class SeatServiceSystem : IAsyncDisposable
{
    private readonly DistributedApplication _app;
    private readonly List<string> _scratchDatabases = [];

    private SeatServiceSystem(DistributedApplication app, string operatorToken, string seatsDb)
    {
        _app = app;
        OperatorToken = operatorToken;
        SeatsDb = seatsDb;
    }

    public string OperatorToken { get; }

    /// <summary>The service's own database (what the service's pool connects to).</summary>
    public string SeatsDb { get; }

    public static async Task<SeatServiceSystem> StartAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>();
        WithoutRateLimits(appHost);
        var app = await appHost.BuildAsync();
        try
        {
            await app.StartAsync();
            await app.ResourceNotifications.WaitForResourceHealthyAsync("seat-service");
            var seatsDb = await app.GetConnectionStringAsync("seatsdb")
                ?? throw new InvalidOperationException("seatsdb has no connection string.");
            return new SeatServiceSystem(app, app.OperatorToken, seatsDb);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public HttpClient Anonymous() => _app.CreateHttpClient("seat-service");

    public HttpClient ClientFor(IssuedKey key)
    {
        var client = _app.CreateHttpClient("seat-service");
        client.DefaultRequestHeaders.Add("x-access-key", key.AccessKey);
        return client;
    }

    /// <summary>A fresh account and one access key for it, through the operator routes.</summary>
    public async Task<IssuedKey> NewKeyAsync(string accountName)
    {
        using var client = _app.CreateHttpClient("seat-service");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken);
        using var account = await client.PostAsJsonAsync("/admin/accounts", new { name = accountName });
        account.EnsureSuccessStatusCode();
        var accountId = (await account.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account_id").GetString()!;
        using var key = await client.PostAsync(new Uri($"/admin/accounts/{accountId}/access-keys", UriKind.Relative), null);
        key.EnsureSuccessStatusCode();
        var body = await key.Content.ReadFromJsonAsync<JsonElement>();
        return new IssuedKey(accountId, body.GetProperty("key_id").GetString()!, body.GetProperty("access_key").GetString()!);
    }

    /// <summary>A scratch database on the same PostgreSQL server as seatsdb, created through the admin connection.</summary>
    public async Task<string> CreateScratchDatabaseAsync(string name)
    {
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        _scratchDatabases.Add(name);
        return new NpgsqlConnectionStringBuilder(SeatsDb) { Database = name }.ConnectionString;
    }

    private string AdminConnectionString => new NpgsqlConnectionStringBuilder(SeatsDb) { Database = "postgres", Pooling = false }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        // The server is private and goes with the application; dropping the scratch databases first is only tidiness.
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _scratchDatabases)
        {
            try
            {
                await using var admin = new NpgsqlConnection(AdminConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // Leaving it behind is harmless: the private server's data directory is removed with the application.
            }
        }
        await _app.DisposeAsync();
    }

    // The bench measures the service, not the per-key limit: its load comes from one key.
    private static void WithoutRateLimits(IDistributedApplicationTestingBuilder appHost)
    {
        foreach (var service in new[] { "seat-service", "identity-service", "invitation-service" })
            appHost.Resources.OfType<Outreach.AppHost.Hosting.ApplicationModel.Resource>().Single(r => r.Name == service).EnvironmentCallbacks.Add(context =>
                context.EnvironmentVariables["RateLimits__PermitsPerMinute"] = "10000000");
    }
}
