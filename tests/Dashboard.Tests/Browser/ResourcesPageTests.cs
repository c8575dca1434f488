using Outreach.AppHost.Testing;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Outreach.Dashboard.Tests.Browser;

/// <summary>The Resources and Console pages in headless Chromium, against the whole system run by the AppHost.</summary>
[Collection(DashboardSystemSuite.Name)]
public sealed class ResourcesPageTests(DashboardSystemFixture system)
{
    [Fact]
    public async Task Without_the_login_link_the_browser_gets_a_401_login_page_and_with_it_the_resources()
    {
        var browser = await system.NewBrowserAsync();
        var anonymous = await browser.NewPageAsync();
        var refused = await anonymous.GotoAsync("/traces");
        refused!.Status.ShouldBe((int)HttpStatusCode.Unauthorized);
        (await anonymous.Locator("label[for=token]").TextContentAsync()).ShouldBe("Browser token");

        var page = await browser.NewPageAsync();
        await page.GotoAsync(system.LoginUrl);

        page.Url.ShouldBe(system.DashboardUrl.ToString(), "the token leaves the address bar");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resources" })).ToBeVisibleAsync();
        var again = await browser.NewPageAsync();
        (await again.GotoAsync("/consolelogs"))!.Status.ShouldBe((int)HttpStatusCode.OK, "the cookie keeps the session");
        await DashboardSystemFixture.ScreenshotAsync(page, "dashboard-resources");
    }

    [Fact]
    public async Task The_resources_page_shows_every_resource_running_with_its_pid_and_urls()
    {
        var page = await system.LoggedInPageAsync();

        foreach (var name in new[] { "postgres", "rabbitmq", "seatsdb", DashboardSystemFixture.SeatService, DashboardSystemFixture.IdentityService, DashboardSystemFixture.InvitationService, DashboardSystemFixture.LinkedInSandbox })
        {
            var row = page.Locator($"tr[data-resource='{name}']");
            await Assertions.Expect(row.Locator("td.state")).ToContainTextAsync("Running");
        }

        var seatService = system.App.ResourceNotifications.GetSnapshot(DashboardSystemFixture.SeatService)!;
        var seatRow = page.Locator($"tr[data-resource='{DashboardSystemFixture.SeatService}']");
        await Assertions.Expect(seatRow).ToContainTextAsync(seatService.Pid!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(seatRow).ToContainTextAsync(seatService.Urls[0]);
    }

    [Fact]
    public async Task View_details_shows_the_environment_with_passwords_masked_and_the_health_report()
    {
        var page = await system.LoggedInPageAsync();
        await page.Locator($"tr[data-resource='{DashboardSystemFixture.SeatService}']").GetByRole(AriaRole.Link, new() { Name = "View details" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = DashboardSystemFixture.SeatService })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#health-report")).ToContainTextAsync("\"status\":\"healthy\"");
        var html = await page.ContentAsync();
        html.ShouldContain("ConnectionStrings__seatsdb");
        html.ShouldContain("Password=••••••••");
        var connectionString = await system.App.GetConnectionStringAsync("seatsdb");
        var password = Regex.Match(connectionString!, "Password=([^;]+)").Groups[1].Value;
        html.ShouldNotContain(password);
        html.ShouldNotContain(system.App.OperatorToken);
        await DashboardSystemFixture.ScreenshotAsync(page, "dashboard-resource-details");
    }

    [Fact]
    public async Task Restarting_a_service_from_the_resources_page_shows_its_state_change_and_a_new_pid()
    {
        var page = await system.LoggedInPageAsync();
        var name = DashboardSystemFixture.LinkedInSandbox;
        var before = system.App.ResourceNotifications.GetSnapshot(name)!.Pid!.Value;
        var row = page.Locator($"tr[data-resource='{name}']");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Restart {name}" }).ClickAsync();

        // The command answers once the service is healthy again; the live table follows within its refresh.
        await Assertions.Expect(page.Locator("#command-status")).ToHaveTextAsync("Done: Restart", new() { Timeout = 60_000 });
        var after = system.App.ResourceNotifications.GetSnapshot(name)!;
        after.Pid.ShouldNotBe(before);
        await Assertions.Expect(row.Locator("td.state")).ToHaveTextAsync("Running", new() { Timeout = 10_000 });
        await Assertions.Expect(row).ToContainTextAsync(after.Pid!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task The_console_page_shows_a_services_output_live_pauses_and_offers_it_for_download()
    {
        var name = DashboardSystemFixture.LinkedInSandbox;
        var page = await system.LoggedInPageAsync();
        await page.GotoAsync($"/consolelogs?resource={name}");
        var console = page.Locator("#console");
        await Assertions.Expect(console).ToContainTextAsync("Now listening on");
        var startsShown = await StartsShownAsync(console);

        // Output written after the page opened appears without a reload: a restart prints "Now listening on" again.
        using var api = system.DashboardApi();
        (await api.PostAsync($"/api/resources/{name}/commands/restart", null)).EnsureSuccessStatusCode();
        await Eventually(async () => await StartsShownAsync(console) == startsShown + 1, "the restart's output appears live");

        // Paused, the view stays as it is; resumed, it catches up.
        await page.GetByLabel("Pause").CheckAsync();
        (await api.PostAsync($"/api/resources/{name}/commands/restart", null)).EnsureSuccessStatusCode();
        await Task.Delay(2500);
        (await StartsShownAsync(console)).ShouldBe(startsShown + 1, "nothing is appended while paused");
        await page.GetByLabel("Pause").UncheckAsync();
        await Eventually(async () => await StartsShownAsync(console) == startsShown + 2, "the paused output arrives on resume");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download" }).ClickAsync());
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Regex.Count(text, "Now listening on").ShouldBe(startsShown + 2);
        await DashboardSystemFixture.ScreenshotAsync(page, "dashboard-console");
    }

    [Fact]
    public async Task The_console_page_shows_each_line_once_when_the_server_answers_slower_than_the_page_polls()
    {
        var name = DashboardSystemFixture.LinkedInSandbox;
        var page = await system.LoggedInPageAsync();
        // A loaded machine: each poll's answer takes longer than the page's one-second polling interval.
        await page.RouteAsync("**/api/resources/*/console?after=*", async route =>
        {
            await Task.Delay(2500);
            await route.ContinueAsync();
        });
        await page.GotoAsync($"/consolelogs?resource={name}");
        var console = page.Locator("#console");
        await Assertions.Expect(console).ToContainTextAsync("Now listening on");
        var startsShown = await StartsShownAsync(console);

        using var api = system.DashboardApi();
        (await api.PostAsync($"/api/resources/{name}/commands/restart", null)).EnsureSuccessStatusCode();
        await Eventually(async () => await StartsShownAsync(console) > startsShown, "the restart's output appears");
        await Task.Delay(6000); // every poll that was in flight has answered by now

        (await StartsShownAsync(console)).ShouldBe(startsShown + 1, "one restart prints its start once");
    }

    private static async Task<int> StartsShownAsync(ILocator console) =>
        Regex.Count(await console.TextContentAsync() ?? "", "Now listening on");

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not seen within 60 s: {what}.");
            await Task.Delay(200);
        }
    }
}
