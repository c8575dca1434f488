using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Testing;

namespace Outreach.HostileInput.Tests;

/// <summary>
/// The whole system, started once through the AppHost's testing entry, with one tenant whose state (a seat, an identity
/// connected to LinkedIn, a member) is set up before the databases' event counts are taken as the baseline.
/// </summary>
public sealed class HostileSystemFixture : IAsyncLifetime
{
    public const string SeatService = "seat-service";
    public const string IdentityService = "identity-service";
    public const string InvitationService = "invitation-service";

    public static readonly IReadOnlyList<string> Databases = ["seatsdb", "identitiesdb", "invitationsdb"];

    private DistributedApplication? _app;
    private Tenant? _tenant;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public Tenant Tenant => _tenant ?? throw new InvalidOperationException("Not set up.");

    /// <summary>Each database's event count once the tenant's state had settled, before any hostile request.</summary>
    public IReadOnlyDictionary<string, long> EventsBefore { get; private set; } = new Dictionary<string, long>();

    public async Task InitializeAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>();
        WithoutRateLimits(appHost);
        _app = await appHost.BuildAsync();
        await _app.StartAsync();
        foreach (var service in new[] { SeatService, IdentityService, InvitationService })
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(service);
        _tenant = await TenantSetup.CreateAsync(this);
        EventsBefore = await SettledEventCountsAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    /// <summary>A client of <paramref name="service"/> without any default header: each case sends its own.</summary>
    public HttpClient Client(string service) => App.CreateHttpClient(service);

    public HttpClient Operator()
    {
        var client = App.CreateHttpClient(SeatService);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.OperatorToken);
        return client;
    }

    public string OperatorToken => App.OperatorToken;

    public async Task<IssuedKey> IssueKeyAsync()
    {
        using var account = await Operator().PostAsJsonAsync("/admin/accounts", new { name = "Hostile" });
        account.EnsureSuccessStatusCode();
        var accountId = (await account.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account_id").GetString()!;
        using var key = await Operator().PostAsync($"/admin/accounts/{accountId}/access-keys", null);
        key.EnsureSuccessStatusCode();
        var body = await key.Content.ReadFromJsonAsync<JsonElement>();
        return new IssuedKey(accountId, body.GetProperty("key_id").GetString()!, body.GetProperty("access_key").GetString()!, body.GetProperty("secret").GetString()!);
    }

    public async Task<T?> QueryAsync<T>(string database, string sql, params object[] parameters)
    {
        var connectionString = await App.GetConnectionStringAsync(database)
            ?? throw new InvalidOperationException($"{database} has no connection string.");
        await using var db = Npgsql.NpgsqlDataSource.Create(connectionString);
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task<IReadOnlyDictionary<string, long>> EventCountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var database in Databases)
            counts[database] = await QueryAsync<long>(database, "SELECT count(*) FROM events");
        return counts;
    }

    /// <summary>The counts once they stopped moving: the setup's messages have been consumed everywhere.</summary>
    private async Task<IReadOnlyDictionary<string, long>> SettledEventCountsAsync()
    {
        var previous = await EventCountsAsync();
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = await EventCountsAsync();
            if (now.All(count => previous[count.Key] == count.Value))
                return now;
            previous = now;
        }
        throw new TimeoutException("The event counts never settled after the tenant's setup.");
    }

    // The corpus fires hundreds of requests a minute from one tenant key; the answers it checks are validation, not 429.
    private static void WithoutRateLimits(IDistributedApplicationTestingBuilder appHost)
    {
        foreach (var service in new[] { "seat-service", "identity-service", "invitation-service" })
            appHost.Resources.OfType<Outreach.AppHost.Hosting.ApplicationModel.Resource>().Single(r => r.Name == service).EnvironmentCallbacks.Add(context =>
                context.EnvironmentVariables["RateLimits__PermitsPerMinute"] = "10000000");
    }
}

public sealed record IssuedKey(string AccountId, string KeyId, string AccessKey, string Secret);

[CollectionDefinition(Name)]
public sealed class HostileSystemSuite : ICollectionFixture<HostileSystemFixture>
{
    public const string Name = "hostile-system";
}
