using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Testing;

namespace Outreach.Onboarding.Tests;

/// <summary>
/// The whole system, started once through the AppHost's testing entry, and one headless Debian chromium. Each test
/// opens its own browser context: a context is a person's browser (its own cookies), so two contexts are two people.
/// </summary>
public class OnboardingFixture : IAsyncLifetime
{
    public const string SeatService = "seat-service";
    public const string InvitationService = "invitation-service";

    /// <summary>PACKAGES.md's flags: no sandbox (root in CI), no GPU, nothing fetched in the background.</summary>
    private static readonly string[] ChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

    private DistributedApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>Environment variables for a service of the system, by resource name: none here, the services' defaults.</summary>
    protected virtual IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ServiceSettings { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where each step's screenshot goes: TestResults/screenshots beside the test output (gitignored).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>();
        foreach (var (resource, settings) in ServiceSettings)
            appHost.Resources.OfType<Outreach.AppHost.Hosting.ApplicationModel.Resource>().Single(r => r.Name == resource).EnvironmentCallbacks.Add(context =>
            {
                foreach (var (name, value) in settings)
                    context.EnvironmentVariables[name] = value;
            });
        _app = await appHost.BuildAsync();
        await _app.StartAsync();
        foreach (var service in new[] { SeatService, "identity-service" })
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(service);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    /// <summary>
    /// A new person's browser, phone-sized, so every page is checked at the size most links are opened on; without
    /// <paramref name="javaScript"/> for the pages' no-script behaviour.
    /// </summary>
    public async Task<IBrowserContext> NewPersonAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, BaseURL = SeatServiceUrl().ToString(), JavaScriptEnabled = javaScript,
        });
        // The first pages of a run hit services that are still compiling their code paths, on 2 shared cores: give a
        // navigation or an action a minute before calling it a failure (assertions keep their own, shorter limits).
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    public Uri SeatServiceUrl() => App.CreateHttpClient(SeatService).BaseAddress!;

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>
    /// For a page that moves on by itself (the in-app approval screen): the picture is taken if the page is still
    /// there; if it has already moved on, there is nothing to take, and the test's assertions say what happened.
    /// </summary>
    public static async Task ScreenshotIfStillShownAsync(IPage page, string name)
    {
        try
        {
            await ScreenshotAsync(page, name);
        }
        catch (PlaywrightException exception) when (exception.Message.Contains("Not attached to an active page", StringComparison.Ordinal))
        {
        }
    }

    public HttpClient Operator()
    {
        var client = App.CreateHttpClient(SeatService);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.OperatorToken);
        return client;
    }

    /// <summary>A fresh account named <paramref name="accountName"/> and a client authenticated with a key of it.</summary>
    public async Task<Tenant> NewTenantAsync(string accountName = "Acme")
    {
        using var account = await Operator().PostAsJsonAsync("/admin/accounts", new { name = accountName });
        account.EnsureSuccessStatusCode();
        var accountId = (await account.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account_id").GetString()!;
        using var key = await Operator().PostAsync($"/admin/accounts/{accountId}/access-keys", null);
        key.EnsureSuccessStatusCode();
        var accessKey = (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_key").GetString()!;
        var client = App.CreateHttpClient(SeatService);
        client.DefaultRequestHeaders.Add("x-access-key", accessKey);
        var invitations = App.CreateHttpClient(InvitationService);
        invitations.DefaultRequestHeaders.Add("x-access-key", accessKey);
        return new Tenant(client, invitations);
    }

    /// <summary>Appends a link for the seat through seat-service's domain: the only way to get one that has already expired.</summary>
    public async Task<string> IssueConnectLinkAsync(string seatId, DateTimeOffset expiresAt)
    {
        var token = Outreach.SeatService.Auth.Secrets.NewId(Outreach.SeatService.Connect.ConnectLinks.TokenPrefix, 32);
        await using var store = SeatStore();
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Outreach.SeatService.Seats.Seat>(seatId);
        stream.AppendOne(new Outreach.SeatService.Seats.ConnectLinkIssued(seatId, Outreach.SeatService.Auth.Secrets.Hash(token), expiresAt, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return $"/c/{token}";
    }

    /// <summary>Activates a seat through seat-service's domain (only the finished wizard may), so that it can be suspended.</summary>
    public async Task ActivateSeatAsync(string seatId)
    {
        await using var store = SeatStore();
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Outreach.SeatService.Seats.Seat>(seatId);
        var seat = stream.Aggregate ?? throw new InvalidOperationException($"No seat {seatId}.");
        stream.AppendOne(new Outreach.SeatService.Seats.SeatActivated(seat.Id, seat.AccountId, seat.KeyId, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
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

    /// <summary>How many of seatsdb's events, streams and read rows contain <paramref name="text"/>: personal data must be sealed.</summary>
    public async Task<long> FindInSeatsDbAsync(string text)
    {
        var connectionString = await App.GetConnectionStringAsync("seatsdb") ?? throw new InvalidOperationException("seatsdb has no connection string.");
        await using var db = Npgsql.NpgsqlDataSource.Create(connectionString);
        var tables = new List<string>();
        await using (var list = db.CreateCommand("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        long found = 0;
        foreach (var table in tables)
        {
            await using var count = db.CreateCommand($"SELECT count(*) FROM {table} t WHERE lower(t::text) LIKE $1");
            count.Parameters.AddWithValue($"%{text.ToLowerInvariant()}%");
            found += (long)(await count.ExecuteScalarAsync())!;
        }
        return found;
    }

    private Outreach.EventSourcing.DocumentStore SeatStore() => Outreach.EventSourcing.DocumentStore.For(opts =>
    {
        var database = Outreach.SeatService.EventStore.SeatEventStore.ConnectionName;
        opts.Connection(App.Model.Find(database) is Outreach.AppHost.Hosting.ApplicationModel.IResourceWithConnectionString resource
            ? resource.GetConnectionString()
            : throw new InvalidOperationException($"{database} is not a database of the system."));
        Outreach.SeatService.EventStore.SeatEventStore.Configure(opts);
    });
}

/// <summary>An access key's view of seat-service: the operator side of onboarding (add, suspend, unsuspend, user-list).</summary>
public sealed class Tenant(HttpClient client, HttpClient invitations)
{
    /// <summary>The same key's view of invitation-service (seed 004).</summary>
    public HttpClient Invitations => invitations;

    public async Task<JsonElement> ManageAsync(object action)
    {
        using var response = await client.PostAsJsonAsync("/functions/v1/api-user-management", action);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Adds a seat: its id and the path of its connect link.</summary>
    public async Task<(string SeatId, string LinkPath)> AddSeatAsync()
    {
        var added = await ManageAsync(new { action = "add" });
        var users = (await UsersAsync()).EnumerateArray().ToList();
        return (users[^1].GetProperty("id").GetString()!, new Uri(added.GetProperty("connect_url").GetString()!).PathAndQuery);
    }

    public async Task<JsonElement> UsersAsync() =>
        (await client.GetFromJsonAsync<JsonElement>("/user-list")).GetProperty("users");
}

/// <summary>One system and one browser for every onboarding test: starting them is most of the suite's time.</summary>
[CollectionDefinition(Name)]
public sealed class OnboardingSuite : ICollectionFixture<OnboardingFixture>
{
    public const string Name = "Onboarding";
}
