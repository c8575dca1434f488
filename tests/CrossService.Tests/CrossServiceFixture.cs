using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Testing;

namespace Outreach.CrossService.Tests;

/// <summary>
/// The whole system, started once through the AppHost's testing entry, for what crosses service boundaries: real
/// PostgreSQL, real RabbitMQ and every service as its own process on a random port.
/// </summary>
public sealed class CrossServiceFixture : IAsyncLifetime
{
    public const string SeatService = "seat-service";
    public const string IdentityService = "identity-service";
    public const string InvitationService = "invitation-service";
    public const string LinkedInSandbox = "linkedin-sandbox";

    /// <summary>The queue's pacing in milliseconds instead of a minute, and background looks often enough for a test to wait on.</summary>
    public static readonly IReadOnlyDictionary<string, string> InvitationSettings = new Dictionary<string, string>
    {
        ["Invitations__PacingMinMs"] = "20",
        ["Invitations__PacingMaxMs"] = "60",
        ["Invitations__QueuePollMs"] = "50",
        ["Invitations__ReconcileAfterMs"] = "1500",
        ["Invitations__AcceptancePollMs"] = "300",
        // A provider that hangs costs a second per try, not five: the timeout tests stay short.
        ["Resilience__linkedin-provider__AttemptTimeout"] = "00:00:01",
        // A tight pool, so every test here also shows that no path waits for a second connection while the pool is
        // drained by others doing the same (see ConnectionBudgetTests).
        ["Npgsql__MaxPoolSize"] = "8",
    };

    /// <summary>The sandbox hangs 3 s under the timeout faults; only `accepts-` people accept, after 300 ms.</summary>
    public static readonly IReadOnlyDictionary<string, string> SandboxSettings = new Dictionary<string, string>
    {
        ["Sandbox__TimeoutFaultMs"] = "3000",
        ["Sandbox__AcceptanceDelayMs"] = "300",
        ["Sandbox__AcceptanceRate"] = "0",
    };

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>();
        WithEnvironment(appHost, InvitationService, InvitationSettings);
        WithEnvironment(appHost, LinkedInSandbox, SandboxSettings);
        _app = await appHost.BuildAsync();
        await _app.StartAsync();
        foreach (var service in new[] { SeatService, IdentityService, InvitationService })
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(service);
    }

    private static void WithEnvironment(IDistributedApplicationTestingBuilder appHost, string resource, IReadOnlyDictionary<string, string> settings) =>
        appHost.Resources.OfType<Outreach.AppHost.Hosting.ApplicationModel.Resource>().Single(r => r.Name == resource).EnvironmentCallbacks.Add(context =>
        {
            foreach (var (name, value) in settings)
                context.EnvironmentVariables[name] = value;
        });

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    /// <summary>A client of <paramref name="service"/> that sends exactly <paramref name="headers"/>.</summary>
    public HttpClient Client(string service, IReadOnlyDictionary<string, string>? headers = null)
    {
        var client = App.CreateHttpClient(service);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        return client;
    }

    public HttpClient Operator()
    {
        var client = App.CreateHttpClient(SeatService);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.OperatorToken);
        return client;
    }

    /// <summary>A fresh account and an access key of it, issued by the operator API.</summary>
    public async Task<IssuedKey> IssueKeyAsync()
    {
        using var account = await Operator().PostAsJsonAsync("/admin/accounts", new { name = "Acme" });
        account.EnsureSuccessStatusCode();
        var accountId = (await account.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account_id").GetString()!;
        using var key = await Operator().PostAsync($"/admin/accounts/{accountId}/access-keys", null);
        key.EnsureSuccessStatusCode();
        var body = await key.Content.ReadFromJsonAsync<JsonElement>();
        return new IssuedKey(accountId, body.GetProperty("key_id").GetString()!,
            body.GetProperty("access_key").GetString()!, body.GetProperty("secret").GetString()!);
    }

    /// <summary>Runs a scalar query against a service's database, to look at what it stored.</summary>
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

    /// <summary>Activates a seat through seat-service's domain, as the connect flow will (no route may).</summary>
    public async Task ActivateSeatAsync(string seatId)
    {
        await using var store = Outreach.EventSourcing.DocumentStore.For(opts =>
        {
            opts.Connection(ConnectionString(Outreach.SeatService.EventStore.SeatEventStore.ConnectionName));
            Outreach.SeatService.EventStore.SeatEventStore.Configure(opts);
        });
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Outreach.SeatService.Seats.Seat>(seatId);
        var seat = stream.Aggregate ?? throw new InvalidOperationException($"No seat {seatId}.");
        stream.AppendOne(new Outreach.SeatService.Seats.SeatActivated(seat.Id, seat.AccountId, seat.KeyId, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    /// <summary>Creates a seat's identity through identity-service's domain, as the connect flow's sign-up will.</summary>
    public async Task<string> CreateSeatIdentityAsync(IssuedKey key, string seatId)
    {
        await using var store = Outreach.EventSourcing.DocumentStore.For(opts =>
        {
            opts.Connection(ConnectionString(Outreach.IdentityService.EventStore.IdentityEventStore.ConnectionName));
            Outreach.IdentityService.EventStore.IdentityEventStore.Configure(opts);
        });
        await using var session = store.LightweightSession();
        var id = Outreach.IdentityService.Identities.CreateIdentity.Start(session, new Outreach.ServiceDefaults.Auth.CallerKey(key.AccountId, key.KeyId),
            seatId, "Seat", "Person", "Sales", DateTimeOffset.UtcNow);
        await session.SaveChangesAsync();
        return id;
    }

    private string ConnectionString(string database) =>
        App.Model.Find(database) is Outreach.AppHost.Hosting.ApplicationModel.IResourceWithConnectionString resource
            ? resource.GetConnectionString()
            : throw new InvalidOperationException($"{database} is not a database of the system.");

    /// <summary>The system's broker connection string, for <see cref="Outreach.Testing.BrokerClient"/>.</summary>
    public async Task<string> BrokerAsync() =>
        await App.GetConnectionStringAsync("rabbitmq") ?? throw new InvalidOperationException("rabbitmq has no connection string.");

    /// <summary>How many rows of any table of <paramref name="database"/> contain <paramref name="text"/> anywhere.</summary>
    public async Task<IReadOnlyDictionary<string, long>> FindEverywhereAsync(string database, string text)
    {
        var connectionString = await App.GetConnectionStringAsync(database)
            ?? throw new InvalidOperationException($"{database} has no connection string.");
        await using var db = Npgsql.NpgsqlDataSource.Create(connectionString);
        var tables = new List<string>();
        await using (var list = db.CreateCommand("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var found = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = db.CreateCommand($"SELECT count(*) FROM {table} t WHERE t::text LIKE $1");
            count.Parameters.AddWithValue($"%{text}%");
            found[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return found;
    }

    /// <summary>A client of <paramref name="service"/> authenticated with the key's access key.</summary>
    public HttpClient ClientFor(string service, IssuedKey key) =>
        Client(service, new Dictionary<string, string> { ["x-access-key"] = key.AccessKey });

    /// <summary>Another key of an existing account.</summary>
    public async Task<IssuedKey> IssueSecondKeyAsync(string accountId)
    {
        using var key = await Operator().PostAsync($"/admin/accounts/{accountId}/access-keys", null);
        key.EnsureSuccessStatusCode();
        var body = await key.Content.ReadFromJsonAsync<JsonElement>();
        return new IssuedKey(accountId, body.GetProperty("key_id").GetString()!, body.GetProperty("access_key").GetString()!, body.GetProperty("secret").GetString()!);
    }

    public async Task RevokeAsync(IssuedKey key)
    {
        using var response = await Operator().DeleteAsync($"/admin/accounts/{key.AccountId}/access-keys/{key.KeyId}");
        response.EnsureSuccessStatusCode();
    }
}

public sealed record IssuedKey(string AccountId, string KeyId, string AccessKey, string Secret)
{
    /// <summary>Every accepted header form of this key, named for assertion messages.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> HeaderForms() =>
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["x-access-key"] = new Dictionary<string, string> { ["x-access-key"] = AccessKey },
            ["X-API-KEY"] = new Dictionary<string, string> { ["X-API-KEY"] = AccessKey },
            ["key id + secret"] = new Dictionary<string, string> { ["X-API-KEY"] = KeyId, ["X-API-SECRET"] = Secret },
            ["Bearer"] = new Dictionary<string, string> { ["Authorization"] = "Bearer " + AccessKey },
        };
}

[CollectionDefinition(Name)]
public sealed class CrossServiceSuite : ICollectionFixture<CrossServiceFixture>
{
    public const string Name = "cross-service";
}
