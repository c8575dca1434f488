using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outreach.Dashboard.Tests.Support;
using Outreach.EventSourcing;
using Outreach.Testing;

namespace Outreach.Dashboard.Tests.EventStreams;

[Collection(EventStreamsInfrastructure.Name)]
public sealed class SubscriptionLagTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task A_caught_up_subscription_shows_no_lag_and_a_stuck_one_shows_its_lag_and_its_oldest_unprocessed_event()
    {
        var db = await fixture.CreateDatabaseAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddEventStore(o =>
        {
            o.Connection(db);
            o.PollingInterval = TimeSpan.FromMilliseconds(200);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(500);
        })
            .AddSubscription(new Passing())
            .AddSubscription(new Failing());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var store = host.Services.GetRequiredService<IDocumentStore>();
            await SeatEvents.AppendAsync(store, "key_a", "operator", events =>
                events.StartStream<Seat>("seat-1", new SeatAdded("seat-1", "a@example.com"), new SeatRenamed("seat-1", "A"), new SeatRenamed("seat-1", "B")));
            await using var dashboard = await StandaloneDashboard.StartAsync(o => o.EventStores.Add(new EventStoreSource("seat-service", db)));
            using var client = dashboard.CreateClient();

            var subscriptions = await WaitForAsync(client, all => all.TryGetValue("passing", out var passing) && passing.GetProperty("lag").GetInt64() == 0
                && all.ContainsKey("failing"));

            var caughtUp = subscriptions["passing"];
            caughtUp.GetProperty("processed_through").GetInt64().ShouldBe(3);
            caughtUp.GetProperty("head_sequence").GetInt64().ShouldBe(3);
            caughtUp.GetProperty("unprocessed").GetInt64().ShouldBe(0);
            caughtUp.GetProperty("oldest_unprocessed_at").ValueKind.ShouldBe(JsonValueKind.Null);
            var stuck = subscriptions["failing"];
            stuck.GetProperty("processed_through").GetInt64().ShouldBe(0);
            stuck.GetProperty("lag").GetInt64().ShouldBe(3);
            stuck.GetProperty("unprocessed").GetInt64().ShouldBe(3);
            stuck.GetProperty("oldest_unprocessed_at").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));

            var page = await client.GetStringAsync("/events/subscriptions");
            page.ShouldContain("<td>passing</td>");
            page.ShouldContain("<td>failing</td>");
            page.ShouldContain("""<td class="num level-Warning">3</td>""");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<Dictionary<string, JsonElement>> WaitForAsync(HttpClient client, Func<Dictionary<string, JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var api = JsonDocument.Parse(await client.GetStringAsync("/api/events/subscriptions"));
            var all = api.RootElement.GetProperty("services")[0].GetProperty("subscriptions").EnumerateArray()
                .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.Clone());
            if (done(all))
            {
                return all;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the subscriptions did not reach the expected state");
            await Task.Delay(100);
        }
    }

    private sealed class Passing : EventSubscription
    {
        public Passing() => Name = "passing";

        public override Task ProcessEventsAsync(IReadOnlyList<IEvent> events, SubscriptionContext context) => Task.CompletedTask;
    }

    /// <summary>Always fails, so it stays at its first checkpoint while the log grows: the lag a person would be paged for.</summary>
    private sealed class Failing : EventSubscription
    {
        public Failing() => Name = "failing";

        public override Task ProcessEventsAsync(IReadOnlyList<IEvent> events, SubscriptionContext context) =>
            throw new InvalidOperationException("this subscription never gets through");
    }
}
