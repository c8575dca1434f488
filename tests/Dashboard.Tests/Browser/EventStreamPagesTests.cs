using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Outreach.Dashboard.Tests.Browser;

/// <summary>A seat's event stream as seat-service stored it, from the running system, and the trace that caused each event.</summary>
[Collection(DashboardSystemSuite.Name)]
public sealed class EventStreamPagesTests(DashboardSystemFixture system)
{
    private const string Manage = "/functions/v1/api-user-management";

    [Fact]
    public async Task A_seats_stream_shows_its_history_with_data_and_metadata_and_links_each_event_to_its_trace()
    {
        var seats = await system.NewTenantAsync();
        (await seats.PostAsJsonAsync(Manage, new { action = "add" })).EnsureSuccessStatusCode();
        var seatId = (await seats.GetFromJsonAsync<JsonElement>("/user-list?status=pending")).GetProperty("users")[0].GetProperty("id").GetString()!;
        await system.ActivateSeatAsync(seatId);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using (var suspend = new HttpRequestMessage(HttpMethod.Post, Manage) { Content = JsonContent.Create(new { action = "suspend", user_id = seatId }) })
        {
            suspend.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            (await seats.SendAsync(suspend)).EnsureSuccessStatusCode();
        }

        var page = await system.LoggedInPageAsync();
        await page.GotoAsync("/events?service=seat-service");
        await page.GetByLabel("Pause updates").CheckAsync();
        await page.GetByLabel("Type or stream id contains").FillAsync(seatId);
        await page.GetByLabel("Type or stream id contains").PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = seatId, Exact = true }).First.ClickAsync();

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("seat_added");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("seat_activated");
        var suspended = page.Locator("article.event").Filter(new() { HasText = "seat_suspended" });
        await Assertions.Expect(suspended).ToContainTextAsync(seatId, new() { Timeout = 5_000 });
        await Assertions.Expect(suspended).ToContainTextAsync(traceId);
        await DashboardSystemFixture.ScreenshotAsync(page, "dashboard-event-stream");

        await suspended.Locator($"a[href='/traces/{traceId}']").ClickAsync();
        await Assertions.Expect(page.Locator("ul.legend")).ToContainTextAsync(DashboardSystemFixture.SeatService, new() { Timeout = 30_000 });
        page.Url.ShouldEndWith($"/traces/{traceId}");
    }
}
