using System.Net;
using System.Text.Json;
using Outreach.Dashboard.Tests.Support;
using Outreach.EventSourcing;
using Outreach.Testing;

namespace Outreach.Dashboard.Tests.EventStreams;

[Collection(EventStreamsInfrastructure.Name)]
public sealed class StreamHistoryTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task A_stream_page_shows_its_row_and_every_event_with_data_metadata_and_the_trace_that_caused_it()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        var added = await SeatEvents.AppendAsync(store, "key_a", "key:k1",
            events => events.StartStream<Seat>("seat-7", new SeatAdded("seat-7", "ada@example.com")), correlationId: "corr-1", causationId: "msg-1");
        var renamed = await SeatEvents.AppendAsync(store, "key_a", "operator",
            events => events.Append("seat-7", new SeatRenamed("seat-7", "Ada <Lovelace>")), correlationId: "corr-2");
        await using var dashboard = await StandaloneDashboard.StartAsync(o => o.EventStores.Add(new EventStoreSource("seat-service", db)));
        using var client = dashboard.CreateClient();

        using var response = await client.GetAsync("/events/seat-service/streams/seat-7");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("<title>Stream seat-7");
        page.ShouldContain("""<caption>The stream</caption>""");
        page.ShouldContain("""<td>seat-service</td><td>Seat</td><td class="num">2</td><td>key_a</td>""");
        page.ShouldContain("<td>no</td></tr>");
        page.ShouldContain("Version 1 · seat_added");
        page.ShouldContain("Version 2 · seat_renamed");
        page.ShouldContain("corr-1");
        page.ShouldContain("msg-1");
        page.ShouldContain($"href=\"/traces/{added}\"");
        page.ShouldContain($"href=\"/traces/{renamed}\"");
        page.ShouldContain($"00-{added}-");
        // Pretty JSON, encoded: the data cannot inject markup.
        page.ShouldContain("&quot;email&quot;: &quot;ada@example.com&quot;");
        page.ShouldContain("Ada &lt;Lovelace&gt;");
        page.ShouldNotContain("Ada <Lovelace>");

        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/events/seat-service/streams/seat-7"));
        var root = api.RootElement;
        root.GetProperty("stream").GetProperty("version").GetInt64().ShouldBe(2);
        root.GetProperty("stream").GetProperty("type").GetString().ShouldBe("Seat");
        root.GetProperty("stream").GetProperty("tenant_id").GetString().ShouldBe("key_a");
        var events = root.GetProperty("events").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("version").GetInt64()).ShouldBe([1L, 2L]);
        events[0].GetProperty("data").GetProperty("email").GetString().ShouldBe("ada@example.com");
        events[0].GetProperty("correlation_id").GetString().ShouldBe("corr-1");
        events[0].GetProperty("causation_id").GetString().ShouldBe("msg-1");
        events[0].GetProperty("actor").GetString().ShouldBe("key:k1");
        events[0].GetProperty("traceparent").GetString()!.ShouldStartWith($"00-{added}-");
        events[1].GetProperty("trace_id").GetString().ShouldBe(renamed.ToString());
        events[1].GetProperty("data").GetProperty("name").GetString().ShouldBe("Ada <Lovelace>");
    }

    [Fact]
    public async Task An_unknown_stream_or_service_is_a_404_page_and_a_404_problem()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        await SeatEvents.AppendAsync(store, "key_a", "operator", events => events.StartStream<Seat>("seat-1", new SeatAdded("seat-1", "a@example.com")));
        await using var dashboard = await StandaloneDashboard.StartAsync(o => o.EventStores.Add(new EventStoreSource("seat-service", db)));
        using var client = dashboard.CreateClient();

        using var page = await client.GetAsync("/events/seat-service/streams/seat-404");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("seat-service has no stream seat-404.");
        using var service = await client.GetAsync("/events/nobody/streams/seat-1");
        service.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var api = await client.GetAsync("/api/events/seat-service/streams/seat-404");
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_stream_id_with_a_slash_or_a_percent_sign_opens_from_its_link()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        const string odd = "quota/seat 1/100%2F";
        await SeatEvents.AppendAsync(store, "key_a", "operator", events => events.StartStream(odd, new SeatAdded("s", "a@example.com")));
        await using var dashboard = await StandaloneDashboard.StartAsync(o => o.EventStores.Add(new EventStoreSource("seat-service", db)));
        using var client = dashboard.CreateClient();

        var list = await client.GetStringAsync("/events");
        var link = $"/events/seat-service/streams/{Uri.EscapeDataString(odd)}";
        list.ShouldContain($"href=\"{link}\"");
        using var page = await client.GetAsync(link);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Version 1 · seat_added");
    }
}
