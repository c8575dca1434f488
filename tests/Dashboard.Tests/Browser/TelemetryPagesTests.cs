using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Outreach.Dashboard.Tests.Browser;

/// <summary>Structured logs, traces and metrics as the running services export them, seen in headless Chromium.</summary>
[Collection(DashboardSystemSuite.Name)]
public sealed class TelemetryPagesTests(DashboardSystemFixture system)
{
    private const string Manage = "/functions/v1/api-user-management";

    [Fact]
    public async Task Suspending_a_seat_is_one_trace_from_seat_service_through_rabbitmq_to_both_consumers()
    {
        var seats = await system.NewTenantAsync();
        (await seats.PostAsJsonAsync(Manage, new { action = "add" })).EnsureSuccessStatusCode();
        var list = await seats.GetFromJsonAsync<JsonElement>("/user-list?status=pending");
        var seatId = list.GetProperty("users")[0].GetProperty("id").GetString()!;
        await system.ActivateSeatAsync(seatId);

        // The caller starts the trace, as a client with its own tracing would; seat-service continues it.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var suspend = new HttpRequestMessage(HttpMethod.Post, Manage) { Content = JsonContent.Create(new { action = "suspend", user_id = seatId }) };
        suspend.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        (await seats.SendAsync(suspend)).EnsureSuccessStatusCode();

        using var api = system.DashboardApi();
        var trace = await Eventually(async () =>
        {
            using var response = await api.GetAsync($"/api/telemetry/traces/{traceId}");
            if (!response.IsSuccessStatusCode)
                return null;
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            // Each process exports in its own batches: a consumer's span can arrive before seat-service's request span
            // (which ends only after the answer), and a consumer's own span after its queries. Wait for every one.
            var seen = body.GetProperty("spans").EnumerateArray()
                .Select(s => (s.GetProperty("resource").GetString(), s.GetProperty("kind").GetString(), s.GetProperty("name").GetString())).ToList();
            var complete = seen.Any(s => s.Item1 == DashboardSystemFixture.SeatService && s.Item3 == $"POST {Manage}")
                && seen.Any(s => s.Item1 == DashboardSystemFixture.SeatService && s.Item2 == "Producer")
                && seen.Any(s => s.Item1 == DashboardSystemFixture.IdentityService && s.Item2 == "Consumer")
                && seen.Any(s => s.Item1 == DashboardSystemFixture.InvitationService && s.Item2 == "Consumer");
            return complete ? (JsonElement?)body : null;
        }, "the suspension's trace reaches seat-service's request and producer spans and both consumers");
        var spans = trace!.Value.GetProperty("spans").EnumerateArray().ToList();
        spans.ShouldContain(s => s.GetProperty("resource").GetString() == DashboardSystemFixture.SeatService && s.GetProperty("name").GetString() == $"POST {Manage}");
        spans.ShouldContain(s => s.GetProperty("resource").GetString() == DashboardSystemFixture.SeatService && s.GetProperty("kind").GetString() == "Producer");
        foreach (var consumer in new[] { DashboardSystemFixture.IdentityService, DashboardSystemFixture.InvitationService })
            spans.ShouldContain(s => s.GetProperty("resource").GetString() == consumer && s.GetProperty("kind").GetString() == "Consumer", consumer);

        var page = await system.LoggedInPageAsync();
        await page.GotoAsync($"/traces?resource={DashboardSystemFixture.SeatService}");
        await page.Locator($"a[href='/traces/{traceId}']").First.ClickAsync();
        await Assertions.Expect(page.Locator("ul.legend")).ToContainTextAsync(DashboardSystemFixture.IdentityService);
        await Assertions.Expect(page.Locator("ul.legend")).ToContainTextAsync(DashboardSystemFixture.InvitationService);
        (await page.Locator(".waterfall span").CountAsync()).ShouldBeGreaterThanOrEqualTo(spans.Count, "every span the API had (and any exported since)");
        var colours = await page.Locator(".waterfall span").EvaluateAllAsync<string[]>("bars => [...new Set(bars.map(b => b.style.background))]");
        colours.Length.ShouldBeGreaterThanOrEqualTo(3, "one colour per resource");
        await DashboardSystemFixture.ScreenshotAsync(page, "dashboard-trace-waterfall");
    }

    [Fact]
    public async Task The_structured_logs_page_shows_the_services_logs_and_filters_them()
    {
        var page = await system.LoggedInPageAsync();
        await page.GotoAsync("/structuredlogs");
        await Assertions.Expect(page.Locator("#live > table")).ToContainTextAsync(DashboardSystemFixture.SeatService, new() { Timeout = 30_000 });

        await page.GetByLabel("Resource").SelectOptionAsync(DashboardSystemFixture.InvitationService);
        await page.GetByLabel("Message contains").FillAsync("Configured endpoint");
        await page.GetByLabel("Message contains").PressAsync("Enter");

        await Assertions.Expect(page.Locator("#live > table > tbody > tr").First).ToContainTextAsync("Configured endpoint");
        var resources = await page.Locator("#live > table > tbody > tr > td:first-child").AllTextContentsAsync();
        resources.ShouldNotBeEmpty();
        resources.ShouldAllBe(text => text.Contains(DashboardSystemFixture.InvitationService));
        await DashboardSystemFixture.ScreenshotAsync(page, "dashboard-structured-logs");
    }

    [Fact]
    public async Task The_metrics_page_charts_the_request_latency_histogram_and_lists_the_event_stores_meter()
    {
        using (var seats = await system.NewTenantAsync())
            for (var i = 0; i < 5; i++)
                (await seats.GetAsync("/user-list")).EnsureSuccessStatusCode();

        var page = await system.LoggedInPageAsync();
        await page.GotoAsync($"/metrics?resource={DashboardSystemFixture.SeatService}");
        var tree = page.GetByRole(AriaRole.Navigation, new() { Name = "Meters and instruments" });
        await Assertions.Expect(tree).ToContainTextAsync("Outreach.EventSourcing", new() { Timeout = 30_000 });
        await tree.GetByRole(AriaRole.Link, new() { Name = "http.server.request.duration" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "http.server.request.duration" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#live")).ToContainTextAsync("p99");
        await DashboardSystemFixture.ScreenshotAsync(page, "dashboard-metrics");
    }

    private static async Task<T?> Eventually<T>(Func<Task<T?>> probe, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await probe() is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not seen within 60 s: {what}.");
            await Task.Delay(250);
        }
    }
}
