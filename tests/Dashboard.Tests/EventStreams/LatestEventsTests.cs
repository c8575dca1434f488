using System.Net;
using System.Text.Json;
using Outreach.Dashboard.Tests.Support;
using Outreach.EventSourcing;
using Outreach.Testing;

namespace Outreach.Dashboard.Tests.EventStreams;

[Collection(EventStreamsInfrastructure.Name)]
public sealed class LatestEventsTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Every_service_lists_its_newest_events_first_with_stream_tenant_actor_and_trace_links()
    {
        var seatsDb = await fixture.CreateDatabaseAsync();
        var invitationsDb = await fixture.CreateDatabaseAsync();
        await using var seats = DocumentStore.For(o => o.Connection(seatsDb));
        await using var invitations = DocumentStore.For(o => o.Connection(invitationsDb));
        var firstTrace = await SeatEvents.AppendAsync(seats, "key_a", "key:k1", events => events.StartStream<Seat>("seat-1", new SeatAdded("seat-1", "ada@example.com")));
        var secondTrace = await SeatEvents.AppendAsync(seats, "key_a", "operator", events =>
        {
            events.Append("seat-1", new SeatRenamed("seat-1", "Ada"));
            events.StartStream<Seat>("seat-2", new SeatAdded("seat-2", "grace@example.com"));
        });
        await SeatEvents.AppendAsync(invitations, "key_b", "key:k2", events => events.StartStream("invitation-9", new SeatRenamed("x", "y")));

        await using var dashboard = await StandaloneDashboard.StartAsync(o =>
        {
            o.EventStores.Add(new EventStoreSource("seat-service", seatsDb));
            o.EventStores.Add(new EventStoreSource("invitation-service", invitationsDb));
        });
        using var client = dashboard.CreateClient();

        var page = await client.GetStringAsync("/events");
        page.ShouldContain("<h2>seat-service</h2>");
        page.ShouldContain("<h2>invitation-service</h2>");
        page.ShouldContain("""href="/events/seat-service/streams/seat-1">seat-1</a>""");
        page.ShouldContain("""href="/events/invitation-service/streams/invitation-9">invitation-9</a>""");
        page.ShouldContain($"href=\"/traces/{firstTrace}\"");
        page.ShouldContain($"href=\"/traces/{secondTrace}\"");
        page.ShouldContain("seat_renamed");
        page.ShouldContain("key:k1");
        page.ShouldContain("id=\"live\"");

        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/events?service=seat-service"));
        var services = api.RootElement.GetProperty("services");
        services.GetArrayLength().ShouldBe(1);
        var events = services[0].GetProperty("events").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBe([3L, 2L, 1L]);
        events.Select(e => e.GetProperty("stream_id").GetString()).ShouldBe(["seat-2", "seat-1", "seat-1"]);
        events[2].GetProperty("type").GetString().ShouldBe("seat_added");
        events[2].GetProperty("tenant_id").GetString().ShouldBe("key_a");
        events[2].GetProperty("actor").GetString().ShouldBe("key:k1");
        events[2].GetProperty("trace_id").GetString().ShouldBe(firstTrace.ToString());
        events[0].GetProperty("trace_id").GetString().ShouldBe(secondTrace.ToString());
    }

    [Fact]
    public async Task The_service_filter_and_the_type_or_stream_search_narrow_the_list_and_the_limit_caps_it()
    {
        var seatsDb = await fixture.CreateDatabaseAsync();
        var otherDb = await fixture.CreateDatabaseAsync();
        await using var seats = DocumentStore.For(o => o.Connection(seatsDb));
        await using var other = DocumentStore.For(o => o.Connection(otherDb));
        await SeatEvents.AppendAsync(seats, "key_a", "operator", events =>
        {
            events.StartStream<Seat>("seat_1", new SeatAdded("seat_1", "a@example.com"), new SeatRenamed("seat_1", "A"));
            events.StartStream<Seat>("seatX1", new SeatAdded("seatX1", "b@example.com"));
        });
        await SeatEvents.AppendAsync(other, "key_b", "operator", events => events.StartStream("other-1", new SeatAdded("other-1", "c@example.com")));
        await using var dashboard = await StandaloneDashboard.StartAsync(o =>
        {
            o.EventStores.Add(new EventStoreSource("seat-service", seatsDb));
            o.EventStores.Add(new EventStoreSource("identity-service", otherDb));
        });
        using var client = dashboard.CreateClient();

        var filtered = await client.GetStringAsync("/events?service=identity-service");
        filtered.ShouldContain("other-1");
        filtered.ShouldNotContain("<h2>seat-service</h2>");
        filtered.ShouldContain("""<option value="identity-service" selected>""");

        var byType = await Sequences(client, "/api/events?service=seat-service&q=RENAMED");
        byType.ShouldBe([2L]);
        // "_" is matched as itself, not as any character: seatX1 does not match "seat_1".
        var byStream = await Sequences(client, "/api/events?service=seat-service&q=seat_1");
        byStream.ShouldBe([2L, 1L]);
        var limited = await Sequences(client, "/api/events?service=seat-service&limit=1");
        limited.ShouldBe([3L]);

        using var unknown = await client.GetAsync("/api/events?service=nope");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private static async Task<List<long>> Sequences(HttpClient client, string path)
    {
        using var api = JsonDocument.Parse(await client.GetStringAsync(path));
        return [.. api.RootElement.GetProperty("services")[0].GetProperty("events").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64())];
    }
}
