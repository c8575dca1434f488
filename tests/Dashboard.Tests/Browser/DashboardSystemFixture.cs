using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Testing;

namespace Outreach.Dashboard.Tests.Browser;

/// <summary>
/// The whole system through the AppHost's testing entry with its dashboard turned on (the testing builder turns it
/// off, as Aspire's does), every service exporting its telemetry to it, and one headless Debian chromium.
/// </summary>
public sealed class DashboardSystemFixture : IAsyncLifetime
{
    public const string SeatService = "seat-service";
    public const string IdentityService = "identity-service";
    public const string InvitationService = "invitation-service";
    public const string LinkedInSandbox = "linkedin-sandbox";

    private static readonly string[] ChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

    private DistributedApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    public Uri DashboardUrl => App.DashboardUrl ?? throw new InvalidOperationException("The dashboard is not running.");

    public string LoginUrl => App.DashboardLoginUrl ?? throw new InvalidOperationException("The dashboard is not running.");

    /// <summary>TestResults/screenshots beside the test output (gitignored); the README's pictures come from here.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>();
        appHost.Options.DisableDashboard = false;
        _app = await appHost.BuildAsync();
        await _app.StartAsync();
        foreach (var service in new[] { SeatService, IdentityService, InvitationService, LinkedInSandbox })
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

    /// <summary>A browser that has not logged in.</summary>
    public async Task<IBrowserContext> NewBrowserAsync()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, BaseURL = DashboardUrl.ToString() });
        // 2 shared cores: a navigation or an action gets a minute before it counts as a failure.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>A browser logged in through the printed link, as an operator would be.</summary>
    public async Task<IPage> LoggedInPageAsync()
    {
        var context = await NewBrowserAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(LoginUrl);
        return page;
    }

    /// <summary>The dashboard's JSON API with the token header.</summary>
    public HttpClient DashboardApi()
    {
        var client = new HttpClient { BaseAddress = DashboardUrl };
        client.DefaultRequestHeaders.Add("x-dashboard-token", App.DashboardBrowserToken);
        return client;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public HttpClient Operator()
    {
        var client = App.CreateHttpClient(SeatService);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.OperatorToken);
        return client;
    }

    /// <summary>Activates a seat through seat-service's domain, as the connect flow does at its end (no route may).</summary>
    public async Task ActivateSeatAsync(string seatId)
    {
        var database = App.Model.Find(Outreach.SeatService.EventStore.SeatEventStore.ConnectionName) as Outreach.AppHost.Hosting.ApplicationModel.IResourceWithConnectionString
            ?? throw new InvalidOperationException("seat-service has no database.");
        await using var store = Outreach.EventSourcing.DocumentStore.For(options =>
        {
            options.Connection(database.GetConnectionString());
            Outreach.SeatService.EventStore.SeatEventStore.Configure(options);
        });
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Outreach.SeatService.Seats.Seat>(seatId);
        var seat = stream.Aggregate ?? throw new InvalidOperationException($"No seat {seatId}.");
        stream.AppendOne(new Outreach.SeatService.Seats.SeatActivated(seat.Id, seat.AccountId, seat.KeyId, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    /// <summary>A fresh account and a seat-service client authenticated with a key of it.</summary>
    public async Task<HttpClient> NewTenantAsync()
    {
        using var account = await Operator().PostAsJsonAsync("/admin/accounts", new { name = "Acme" });
        account.EnsureSuccessStatusCode();
        var accountId = (await account.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account_id").GetString()!;
        using var key = await Operator().PostAsync($"/admin/accounts/{accountId}/access-keys", null);
        key.EnsureSuccessStatusCode();
        var client = App.CreateHttpClient(SeatService);
        client.DefaultRequestHeaders.Add("x-access-key", (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_key").GetString()!);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardSystemSuite : ICollectionFixture<DashboardSystemFixture>
{
    public const string Name = "dashboard system";
}
