using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Testing;

namespace Outreach.InvitationService.Bench;

/// <summary>An account's access key, from seat-service's operator API.</summary>
internal sealed record BenchKey(string AccountId, string KeyId, string AccessKey);

/// <summary>
/// The whole system started the way tests/CrossService.Tests/CrossServiceFixture.cs starts it (the AppHost's real
/// Program through its testing entry: private PostgreSQL and RabbitMQ, the real service processes and the sandbox),
/// with invitation-service's pacing off and the sandbox at 0 latency, no acceptances and caps out of the way.
/// </summary>
internal sealed class InvitationSystem : IAsyncDisposable
{
    public const string SeatService = "seat-service";
    public const string IdentityService = "identity-service";
    public const string InvitationService = "invitation-service";
    public const string Sandbox = "linkedin-sandbox";

    public static readonly IReadOnlyDictionary<string, string> InvitationSettings = new Dictionary<string, string>
    {
        ["Invitations__PacingMinMs"] = "0",
        ["Invitations__PacingMaxMs"] = "0",
        ["Invitations__QueuePollMs"] = "20",
        ["Invitations__AcceptancePollMs"] = "600000",
    };

    public static readonly IReadOnlyDictionary<string, string> SandboxSettings = new Dictionary<string, string>
    {
        ["Sandbox__LatencyMs"] = "0",
        ["Sandbox__AcceptanceRate"] = "0",
        ["Sandbox__DailyInvitationLimit"] = "100000",
        ["Sandbox__WeeklyInvitationLimit"] = "100000",
    };

    private readonly DistributedApplication _app;
    private readonly Outreach.EventSourcing.DocumentStore _seatStore;
    private readonly Outreach.EventSourcing.DocumentStore _identityStore;

    private InvitationSystem(DistributedApplication app, NpgsqlDataSource invitations)
    {
        _app = app;
        Invitations = invitations;
        _seatStore = Outreach.EventSourcing.DocumentStore.For(opts =>
        {
            opts.Connection(ConnectionString(Outreach.SeatService.EventStore.SeatEventStore.ConnectionName));
            Outreach.SeatService.EventStore.SeatEventStore.Configure(opts);
        });
        _identityStore = Outreach.EventSourcing.DocumentStore.For(opts =>
        {
            opts.Connection(ConnectionString(Outreach.IdentityService.EventStore.IdentityEventStore.ConnectionName));
            Outreach.IdentityService.EventStore.IdentityEventStore.Configure(opts);
        });
    }

    /// <summary>invitation-service's database (invitationsdb), read by the bench to see what the service committed.</summary>
    public NpgsqlDataSource Invitations { get; }

    public static async Task<InvitationSystem> StartAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>();
        WithoutRateLimits(appHost);
        WithEnvironment(appHost, InvitationService, InvitationSettings);
        WithEnvironment(appHost, Sandbox, SandboxSettings);
        var app = await appHost.BuildAsync();
        try
        {
            await app.StartAsync();
            foreach (var resource in new[] { SeatService, IdentityService, InvitationService, Sandbox })
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource);
            var connectionString = await app.GetConnectionStringAsync("invitationsdb")
                ?? throw new InvalidOperationException("invitationsdb has no connection string.");
            return new InvitationSystem(app, NpgsqlDataSource.Create(connectionString));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static void WithEnvironment(IDistributedApplicationTestingBuilder appHost, string resource, IReadOnlyDictionary<string, string> settings) =>
        appHost.Resources.OfType<Outreach.AppHost.Hosting.ApplicationModel.Resource>().Single(r => r.Name == resource).EnvironmentCallbacks.Add(context =>
        {
            foreach (var (name, value) in settings)
                context.EnvironmentVariables[name] = value;
        });

    public async Task<string> BrokerAsync() =>
        await _app.GetConnectionStringAsync("rabbitmq") ?? throw new InvalidOperationException("rabbitmq has no connection string.");

    /// <summary>A fresh account and one access key of it, through seat-service's operator routes.</summary>
    public async Task<BenchKey> NewAccessKeyAsync(string accountName)
    {
        using var client = _app.CreateHttpClient(SeatService);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _app.OperatorToken);
        using var account = await client.PostAsJsonAsync("/admin/accounts", new { name = accountName });
        var accountId = (await Http.ReadAsync(account, HttpStatusCode.Created, "create account")).GetProperty("account_id").GetString()!;
        using var key = await client.PostAsync(new Uri($"/admin/accounts/{accountId}/access-keys", UriKind.Relative), null);
        var body = await Http.ReadAsync(key, HttpStatusCode.Created, "issue access key");
        return new BenchKey(accountId, body.GetProperty("key_id").GetString()!, body.GetProperty("access_key").GetString()!);
    }

    /// <summary>A client of <paramref name="service"/> sending the access key (null: none).</summary>
    public HttpClient Client(string service, BenchKey? key)
    {
        var client = _app.CreateHttpClient(service);
        if (key is not null)
            client.DefaultRequestHeaders.Add("x-access-key", key.AccessKey);
        return client;
    }

    /// <summary>Activates a seat through seat-service's domain, as CrossServiceFixture.ActivateSeatAsync does (no route may).</summary>
    public async Task ActivateSeatAsync(string seatId)
    {
        await using var session = _seatStore.LightweightSession();
        var stream = await session.Events.FetchForWriting<Outreach.SeatService.Seats.Seat>(seatId);
        var seat = stream.Aggregate ?? throw new InvalidOperationException($"No seat {seatId}.");
        stream.AppendOne(new Outreach.SeatService.Seats.SeatActivated(seat.Id, seat.AccountId, seat.KeyId, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    /// <summary>Creates a seat's identity through identity-service's domain, as CrossServiceFixture.CreateSeatIdentityAsync does.</summary>
    public async Task<string> CreateSeatIdentityAsync(BenchKey key, string seatId)
    {
        await using var session = _identityStore.LightweightSession();
        var id = Outreach.IdentityService.Identities.CreateIdentity.Start(session, new Outreach.ServiceDefaults.Auth.CallerKey(key.AccountId, key.KeyId),
            seatId, "Seat", "Person", "Sales", DateTimeOffset.UtcNow);
        await session.SaveChangesAsync();
        return id;
    }

    private string ConnectionString(string database) =>
        _app.Model.Find(database) is Outreach.AppHost.Hosting.ApplicationModel.IResourceWithConnectionString resource
            ? resource.GetConnectionString()
            : throw new InvalidOperationException($"{database} is not a database of the system.");

    public async ValueTask DisposeAsync()
    {
        await _seatStore.DisposeAsync();
        await _identityStore.DisposeAsync();
        await Invitations.DisposeAsync();
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

internal static class Http
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected, string what)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return await ReadAsync(response, expected, what);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path, HttpStatusCode expected, string what)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response, expected, what);
    }
}
