using Outreach.AppHost.Hosting;
using Outreach.AppHost.Testing;
using Outreach.SecretScan.Tests.Scan;

namespace Outreach.SecretScan.Tests;

/// <summary>
/// The whole system through the AppHost's testing entry with its dashboard turned on (every service exports its
/// telemetry there), and the broker's firehose captured from before the first request. The sandbox's checkpoint code
/// is a fresh random value, so a found code is this run's and not a coincidence of six digits.
/// </summary>
public sealed class ScanFixture : IAsyncLifetime
{
    public const string SeatService = "seat-service";
    public const string IdentityService = "identity-service";
    public const string InvitationService = "invitation-service";
    public const string LinkedInSandbox = "linkedin-sandbox";

    public static readonly IReadOnlyList<string> Databases = ["seatsdb", "identitiesdb", "invitationsdb"];

    /// <summary>What the sandbox accepts as the 2FA code in this run.</summary>
    public string CheckpointCode { get; } = "2fa-" + Guid.NewGuid().ToString("N")[..12];

    private DistributedApplication? _app;
    private BrokerFirehose? _firehose;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public BrokerFirehose Firehose => _firehose ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>();
        appHost.Options.DisableDashboard = false;
        WithEnvironment(appHost, InvitationService, new Dictionary<string, string>
        {
            // Queued invitations go out within a second, so the queue's path is part of the scan.
            ["Invitations__PacingMinMs"] = "20",
            ["Invitations__PacingMaxMs"] = "60",
            ["Invitations__QueuePollMs"] = "50",
            ["Invitations__AcceptancePollMs"] = "300",
        });
        WithEnvironment(appHost, LinkedInSandbox, new Dictionary<string, string>
        {
            ["Sandbox__CheckpointCode"] = CheckpointCode,
            ["Sandbox__AcceptanceRate"] = "1",
            ["Sandbox__AcceptanceDelayMs"] = "300",
        });
        _app = await appHost.BuildAsync();
        await _app.StartAsync();
        foreach (var service in new[] { SeatService, IdentityService, InvitationService, LinkedInSandbox })
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(service);
        _firehose = await BrokerFirehose.StartAsync(_app, await BrokerAsync());
    }

    private static void WithEnvironment(IDistributedApplicationTestingBuilder appHost, string resource, IReadOnlyDictionary<string, string> settings) =>
        appHost.Resources.OfType<Outreach.AppHost.Hosting.ApplicationModel.Resource>().Single(r => r.Name == resource).EnvironmentCallbacks.Add(context =>
        {
            foreach (var (name, value) in settings)
                context.EnvironmentVariables[name] = value;
        });

    public async Task DisposeAsync()
    {
        if (_firehose is not null)
            await _firehose.DisposeAsync();
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

    public HttpClient Operator() =>
        Client(SeatService, new Dictionary<string, string> { ["Authorization"] = "Bearer " + App.OperatorToken });

    /// <summary>The dashboard's JSON API and pages, with the browser token header.</summary>
    public HttpClient Dashboard()
    {
        var client = new HttpClient { BaseAddress = App.DashboardUrl ?? throw new InvalidOperationException("The dashboard is not running.") };
        client.DefaultRequestHeaders.Add("x-dashboard-token", App.DashboardBrowserToken);
        return client;
    }

    public string ConnectionString(string database) =>
        App.Model.Find(database) is Outreach.AppHost.Hosting.ApplicationModel.IResourceWithConnectionString resource
            ? resource.GetConnectionString()
            : throw new InvalidOperationException($"{database} is not a database of the system.");

    public async Task<string> BrokerAsync() =>
        await App.GetConnectionStringAsync("rabbitmq") ?? throw new InvalidOperationException("rabbitmq has no connection string.");

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

    /// <summary>Every place the issue names, scanned for <paramref name="secrets"/>.</summary>
    public async Task<ScanReport> ScanEverywhereAsync(IReadOnlyList<KnownSecret> secrets)
    {
        var report = new ScanReport(secrets);
        foreach (var database in Databases)
            await DatabaseScan.RunAsync(report, database, ConnectionString(database));
        await ConsoleLogScan.RunAsync(report, App);
        using (var dashboard = Dashboard())
            await DashboardScan.RunAsync(report, dashboard, [.. App.Model.Resources.Select(r => r.Name)]);
        report.Touch("broker messages");
        foreach (var message in Firehose.Messages)
            report.Scan("broker messages", message);
        return report;
    }
}

[CollectionDefinition(Name)]
public sealed class ScanSuite : ICollectionFixture<ScanFixture>
{
    public const string Name = "secret scan";
}
