using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Outreach.Dashboard.Tests.Support;
using Outreach.EventSourcing;
using Outreach.Testing;

namespace Outreach.Dashboard.Tests.EventStreams;

[Collection(EventStreamsInfrastructure.Name)]
public sealed class EventPagesInBrowserTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task With_the_keyboard_alone_a_person_searches_the_events_and_opens_a_stream_and_its_trace_link()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        await SeatEvents.AppendAsync(store, "key_a", "key:k1", events => events.StartStream<Seat>("seat-1", new SeatAdded("seat-1", "ada@example.com")));
        var trace = await SeatEvents.AppendAsync(store, "key_a", "operator", events => events.Append("seat-1", new SeatRenamed("seat-1", "Ada")));
        await SeatEvents.AppendAsync(store, "key_b", "operator", events => events.StartStream<Seat>("seat-2", new SeatAdded("seat-2", "bob@example.com")));
        await using var dashboard = await StandaloneDashboard.StartAsync(o => o.EventStores.Add(new EventStoreSource("seat-service", db)));
        await using var browser = await HeadlessBrowser.LogInAsync(dashboard);
        var page = browser.Page;

        await page.GotoAsync(new Uri(dashboard.BaseAddress, "/events").ToString());
        await browser.ScreenshotAsync("events-latest");
        var search = page.GetByLabel("Type or stream id contains");
        await search.PressSequentiallyAsync("renamed");
        await search.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/events\\?service=&q=renamed$"));
        (await page.Locator("#live tbody tr").CountAsync()).ShouldBe(1);

        // The live region is re-rendered every 2 s, which takes the focus from a link inside it: pause first, as a
        // keyboard user has to.
        await page.GetByLabel("Pause updates").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        var streamLink = page.GetByRole(AriaRole.Link, new() { Name = "seat-1" });
        // A refresh already under way when the box was ticked still lands; let it, then press Enter on the element.
        await Task.Delay(500);
        await streamLink.PressAsync("Enter");
        await page.WaitForURLAsync("**/events/seat-service/streams/seat-1");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Version 2 · seat_renamed" }).WaitForAsync();
        (await page.Locator("pre").First.InnerTextAsync()).ShouldContain("\"email\": \"ada@example.com\"");
        (await page.Locator($"a[href='/traces/{trace}']").CountAsync()).ShouldBe(1);
        await browser.ScreenshotAsync("events-stream");
    }
}
