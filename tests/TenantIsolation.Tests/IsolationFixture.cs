using System.Net.Http.Json;
using System.Text.Json;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Testing;

namespace Outreach.TenantIsolation.Tests;

/// <summary>
/// The whole system, started once through the AppHost's testing entry: real PostgreSQL, real RabbitMQ and every
/// service as its own process. The queue is paced ten minutes apart, so a second queued invitation stays queued.
/// </summary>
public sealed class IsolationFixture : IAsyncLifetime
{
    public const string SeatService = "seat-service";
    public const string IdentityService = "identity-service";
    public const string InvitationService = "invitation-service";
    public const string LinkedInSandbox = "linkedin-sandbox";

    public static readonly IReadOnlyList<string> Databases = ["seatsdb", "identitiesdb", "invitationsdb"];

    private static readonly IReadOnlyDictionary<string, string> InvitationSettings = new Dictionary<string, string>
    {
        ["Invitations__PacingMinMs"] = "600000",
        ["Invitations__PacingMaxMs"] = "600000",
        ["Invitations__QueuePollMs"] = "50",
    };

    private static readonly IReadOnlyDictionary<string, string> SandboxSettings = new Dictionary<string, string>
    {
        ["Sandbox__AcceptanceRate"] = "0",
    };

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>();
        WithoutRateLimits(appHost);
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
    public HttpClient Client(string service, IReadOnlyDictionary<string, string> headers)
    {
        var client = App.CreateHttpClient(service);
        foreach (var (name, value) in headers)
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        return client;
    }

    public HttpClient ClientFor(string service, TenantKey key) => Client(service, key.AccessKeyHeader());

    private HttpClient Operator() =>
        Client(SeatService, new Dictionary<string, string> { ["Authorization"] = "Bearer " + App.OperatorToken });

    /// <summary>A fresh account and an access key of it, issued by the operator API.</summary>
    public async Task<TenantKey> IssueKeyAsync(string accountName)
    {
        using var client = Operator();
        using var account = await client.PostAsJsonAsync("/admin/accounts", new { name = accountName });
        account.EnsureSuccessStatusCode();
        var accountId = (await account.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account_id").GetString()!;
        return await IssueSecondKeyAsync(accountId);
    }

    /// <summary>Another key of an existing account.</summary>
    public async Task<TenantKey> IssueSecondKeyAsync(string accountId)
    {
        using var client = Operator();
        using var key = await client.PostAsync($"/admin/accounts/{accountId}/access-keys", null);
        key.EnsureSuccessStatusCode();
        var body = await key.Content.ReadFromJsonAsync<JsonElement>();
        return new TenantKey(accountId, body.GetProperty("key_id").GetString()!, body.GetProperty("access_key").GetString()!, body.GetProperty("secret").GetString()!);
    }

    public async Task RevokeAsync(TenantKey key)
    {
        using var client = Operator();
        using var response = await client.DeleteAsync($"/admin/accounts/{key.AccountId}/access-keys/{key.KeyId}");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Runs a scalar query against a service's database.</summary>
    public async Task<T?> QueryAsync<T>(string database, string sql, params object[] parameters)
    {
        await using var db = Npgsql.NpgsqlDataSource.Create(ConnectionString(database));
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Activates a seat through seat-service's domain, as the connect flow does (no route may).</summary>
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

    /// <summary>Creates a seat's identity through identity-service's domain, as the connect flow's sign-up does.</summary>
    public async Task<string> CreateSeatIdentityAsync(TenantKey key, string seatId, string firstName, string lastName)
    {
        await using var store = Outreach.EventSourcing.DocumentStore.For(opts =>
        {
            opts.Connection(ConnectionString(Outreach.IdentityService.EventStore.IdentityEventStore.ConnectionName));
            Outreach.IdentityService.EventStore.IdentityEventStore.Configure(opts);
        });
        await using var session = store.LightweightSession();
        var id = Outreach.IdentityService.Identities.CreateIdentity.Start(session, new Outreach.ServiceDefaults.Auth.CallerKey(key.AccountId, key.KeyId),
            seatId, firstName, lastName, "Sales", DateTimeOffset.UtcNow);
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

    // The matrix fires every route from a few keys; a 429 would hide the 404 or 401 it checks.
    private static void WithoutRateLimits(IDistributedApplicationTestingBuilder appHost)
    {
        foreach (var service in new[] { "seat-service", "identity-service", "invitation-service" })
            appHost.Resources.OfType<Outreach.AppHost.Hosting.ApplicationModel.Resource>().Single(r => r.Name == service).EnvironmentCallbacks.Add(context =>
                context.EnvironmentVariables["RateLimits__PermitsPerMinute"] = "10000000");
    }
}

public sealed record TenantKey(string AccountId, string KeyId, string AccessKey, string Secret)
{
    public IReadOnlyDictionary<string, string> AccessKeyHeader() => new Dictionary<string, string> { ["x-access-key"] = AccessKey };

    /// <summary>Seed 002's form: key id and secret.</summary>
    public IReadOnlyDictionary<string, string> KeyIdAndSecretHeaders() =>
        new Dictionary<string, string> { ["X-API-KEY"] = KeyId, ["X-API-SECRET"] = Secret };
}

[CollectionDefinition(Name)]
public sealed class IsolationSuite : ICollectionFixture<IsolationFixture>
{
    public const string Name = "tenant-isolation";
}
