using Npgsql;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Projects;
using Outreach.AppHost.Testing;
using Outreach.EventSourcing;

namespace Outreach.Load.Bench;

/// <summary>
/// The whole system, started by the AppHost's real Program through its testing entry (private PostgreSQL and
/// RabbitMQ, every service with the replicas asked for, the sandbox), tuned for load: pacing off, the sandbox at 0
/// latency with its caps out of the way, and the per-key rate limits raised so the harness measures the services.
/// </summary>
internal sealed class LoadSystem : IAsyncDisposable
{
    public const string Seats = "seat-service";
    public const string Identities = "identity-service";
    public const string Invitations = "invitation-service";
    public const string Sandbox = "linkedin-sandbox";
    public static readonly string[] Services = [Seats, Identities, Invitations];

    private static readonly Dictionary<string, string> ServiceSettings = new()
    {
        // One load generator plays many clients of each key: the per-key limits would measure the limiter.
        ["RateLimits__PermitsPerMinute"] = "100000000",
        // The propagation probes log the same few identities in again after every suspend sample, far past the abuse
        // limit of 5 starts in 15 min that a client's identity gets; that limit would answer the harness 429.
        ["LinkedIn__LoginThrottle__MaxStarts"] = "100000000",
    };

    private static readonly Dictionary<string, string> InvitationSettings = new()
    {
        ["Invitations__PacingMinMs"] = "0",
        ["Invitations__PacingMaxMs"] = "0",
        ["Invitations__QueuePollMs"] = "20",
        ["Invitations__AcceptancePollMs"] = "600000",
    };

    private static readonly Dictionary<string, string> SandboxSettings = new()
    {
        ["Sandbox__LatencyMs"] = "0",
        ["Sandbox__AcceptanceRate"] = "0",
        ["Sandbox__DailyInvitationLimit"] = "100000000",
        ["Sandbox__WeeklyInvitationLimit"] = "100000000",
    };

    private readonly DistributedApplication _app;
    private readonly DocumentStore _seatStore;
    private readonly DocumentStore _identityStore;

    private LoadSystem(DistributedApplication app)
    {
        _app = app;
        _seatStore = DocumentStore.For(opts =>
        {
            opts.Connection(ConnectionString(global::Outreach.SeatService.EventStore.SeatEventStore.ConnectionName));
            global::Outreach.SeatService.EventStore.SeatEventStore.Configure(opts);
        });
        _identityStore = DocumentStore.For(opts =>
        {
            opts.Connection(ConnectionString(global::Outreach.IdentityService.EventStore.IdentityEventStore.ConnectionName));
            global::Outreach.IdentityService.EventStore.IdentityEventStore.Configure(opts);
        });
        foreach (var service in Services.Append(Sandbox))
            Clients[service] = new ServiceClient(service, [.. ((ProjectResource)app.Model.Find(service)!).HttpUrls.Select(u => new Uri(u))]);
        InvitationsDb = NpgsqlDataSource.Create(ConnectionString("invitationsdb"));
    }

    public Dictionary<string, ServiceClient> Clients { get; } = [];

    public ServiceClient SeatService => Clients[Seats];
    public ServiceClient IdentityService => Clients[Identities];
    public ServiceClient InvitationService => Clients[Invitations];
    public ServiceClient SandboxService => Clients[Sandbox];

    public string OperatorToken => _app.OperatorToken;

    /// <summary>The AppHost itself: its resource commands (stop, start, restart) and snapshots, for the chaos suite.</summary>
    public DistributedApplication App => _app;

    /// <summary>invitation-service's database: where "sends stopped" is committed (seat_views, read under the sender's gate).</summary>
    public NpgsqlDataSource InvitationsDb { get; }

    public static async Task<LoadSystem> StartAsync(int replicas)
    {
        string[] args = replicas > 1 ? [.. Services.Select(s => $"--Replicas:{s}={replicas}")] : [];
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>(args);
        foreach (var service in Services)
            WithEnvironment(appHost, service, ServiceSettings);
        WithEnvironment(appHost, Invitations, InvitationSettings);
        WithEnvironment(appHost, Sandbox, SandboxSettings);
        var app = await appHost.BuildAsync();
        try
        {
            await app.StartAsync();
            foreach (var instance in app.ResourceNotifications.GetSnapshots().Where(s => s.ResourceType == "Project"))
                await app.ResourceNotifications.WaitForResourceHealthyAsync(instance.Name);
            return new LoadSystem(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static void WithEnvironment(IDistributedApplicationTestingBuilder appHost, string resource, IReadOnlyDictionary<string, string> settings) =>
        appHost.Resources.OfType<Resource>().Single(r => r.Name == resource).EnvironmentCallbacks.Add(context =>
        {
            foreach (var (name, value) in settings)
                context.EnvironmentVariables[name] = value;
        });

    /// <summary>Every resource instance with the process it runs now (PostgreSQL and RabbitMQ included).</summary>
    public IReadOnlyList<(string Name, int Pid)> Processes() =>
        [.. _app.ResourceNotifications.GetSnapshots().Where(s => s.Pid is not null).Select(s => (s.Name, s.Pid!.Value))];

    /// <summary>The instance's console output so far (JSON lines outside Development), as the AppHost captured it.</summary>
    public IReadOnlyList<string> LogLines(string instance) => _app.ResourceLogs.GetLines(instance);

    public string ConnectionString(string resource) =>
        _app.Model.Find(resource) is IResourceWithConnectionString withConnectionString
            ? withConnectionString.GetConnectionString()
            : throw new InvalidOperationException($"{resource} has no connection string.");

    /// <summary>What the connect flow's last step does (no route may): the seat becomes active.</summary>
    public async Task ActivateSeatAsync(string seatId)
    {
        await using var session = _seatStore.LightweightSession();
        var stream = await session.Events.FetchForWriting<global::Outreach.SeatService.Seats.Seat>(seatId);
        var seat = stream.Aggregate ?? throw new InvalidOperationException($"No seat {seatId}.");
        stream.AppendOne(new global::Outreach.SeatService.Seats.SeatActivated(seat.Id, seat.AccountId, seat.KeyId, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    /// <summary>What the connect flow's sign-up does: the seat's person gets an identity.</summary>
    public async Task<string> CreateSeatIdentityAsync(Tenant tenant, string seatId)
    {
        await using var session = _identityStore.LightweightSession();
        var id = global::Outreach.IdentityService.Identities.CreateIdentity.Start(session, new global::Outreach.ServiceDefaults.Auth.CallerKey(tenant.AccountId, tenant.KeyId),
            seatId, "Seat", "Person", "Sales", DateTimeOffset.UtcNow);
        await session.SaveChangesAsync();
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients.Values)
            client.Dispose();
        await InvitationsDb.DisposeAsync();
        await _seatStore.DisposeAsync();
        await _identityStore.DisposeAsync();
        await _app.DisposeAsync();
    }
}
