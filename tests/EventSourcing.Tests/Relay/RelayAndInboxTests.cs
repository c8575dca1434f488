using System.Diagnostics;
using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Relay;

[Collection(SharedInfrastructure.Name)]
public sealed class RelayAndInboxTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Every_effect_happens_exactly_once_when_RabbitMQ_is_restarted_mid_stream()
    {
        await using var hosts = await RelayHosts.StartAsync(fixture);
        var store = hosts.Publisher.Store();
        const int writers = 4;
        const int depositsEach = 100;

        var appended = 0;
        var appending = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < depositsEach; i++)
            {
                using var request = new Activity("POST /deposits").SetIdFormat(ActivityIdFormat.W3C).Start();
                await using var session = store.LightweightSession();
                session.CorrelationId = $"req-{w}-{i}";
                session.Events.Append($"acc_{w}", new MoneyDeposited($"acc_{w}", 1m));
                await session.SaveChangesAsync();
                Interlocked.Increment(ref appended);
                await Task.Delay(10);
            }
        })));

        await Eventually.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref appended) >= 120), TimeSpan.FromSeconds(30), "a third is appended");
        await fixture.RestartRabbitMqAsync();
        await appending;

        const int total = writers * depositsEach;
        await RelayDiagnosis.WaitUntilConsumedAsync(fixture, hosts, total, TimeSpan.FromSeconds(120));
        await Task.Delay(1000); // let any late duplicate arrive, so the count below would see it

        await ShouldHaveExactlyOneEffectPerEventAsync(hosts, total);
        (await Sql.ScalarAsync<long>(hosts.PublisherDb, "SELECT count(*) FROM events WHERE traceparent IS NULL")).ShouldBe(0);
        (await Sql.ScalarAsync<long>(hosts.ConsumerDb, "SELECT count(*) FROM events WHERE data->>'traceId' IS NULL")).ShouldBe(0);
    }

    [Fact]
    public async Task While_the_broker_is_down_nothing_is_skipped_and_everything_goes_out_after()
    {
        await using var hosts = await RelayHosts.StartAsync(fixture);
        var store = hosts.Publisher.Store();
        await AppendAsync(store, 20);
        await Eventually.WaitUntilAsync(async () => await Sql.ScalarAsync<long>(hosts.ConsumerDb, "SELECT count(*) FROM events") >= 20,
            TimeSpan.FromSeconds(30), "the first deposits were consumed");

        await fixture.KillRabbitMqAsync();
        try
        {
            await AppendAsync(store, 30);
            await Task.Delay(TimeSpan.FromSeconds(3));
            (await Sql.ScalarAsync<long>(hosts.ConsumerDb, "SELECT count(*) FROM events")).ShouldBe(20);
            var relay = (await store.Advanced.GetSubscriptionProgressAsync()).Single(p => p.Name == "relay");
            relay.Lag.ShouldBe(30, "the relay does not checkpoint what the broker has not confirmed");
        }
        finally
        {
            await fixture.StartRabbitMqAsync();
        }

        await Eventually.WaitUntilAsync(async () => await Sql.ScalarAsync<long>(hosts.ConsumerDb, "SELECT count(*) FROM events") >= 50,
            TimeSpan.FromSeconds(90), "the deposits made while the broker was down were consumed");
        await Task.Delay(1000);
        await ShouldHaveExactlyOneEffectPerEventAsync(hosts, 50);
    }

    private static async Task AppendAsync(IDocumentStore store, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var session = store.LightweightSession();
            session.Events.Append("acc_x", new MoneyDeposited("acc_x", i));
            await session.SaveChangesAsync();
        }
    }

    /// <summary>One ledger entry per source event, caused by that event's id (the MessageId), in the same trace.</summary>
    private static async Task ShouldHaveExactlyOneEffectPerEventAsync(RelayHosts hosts, int total)
    {
        var source = (await Sql.RowsAsync(hosts.PublisherDb, "SELECT id::text, traceparent, correlation_id FROM events"))
            .ToDictionary(r => (string)r[0]!, r => (TraceParent: (string?)r[1], CorrelationId: (string?)r[2]));
        source.Count.ShouldBe(total);

        var effects = await Sql.RowsAsync(hosts.ConsumerDb, "SELECT causation_id, data->>'traceId', correlation_id FROM events");
        effects.Count.ShouldBe(total, "no message had a second effect");
        effects.Select(e => (string)e[0]!).Order().ShouldBe(source.Keys.Order(), "each event's message had exactly one effect");
        (await Sql.ScalarAsync<long>(hosts.ConsumerDb, "SELECT count(*) FROM inbox")).ShouldBe(total);

        foreach (var effect in effects)
        {
            var origin = source[(string)effect[0]!];
            effect[2].ShouldBe(origin.CorrelationId, "the correlation id travels with the message");
            if (origin.TraceParent is not null)
            {
                ActivityContext.TryParse(origin.TraceParent, null, out var appended).ShouldBeTrue();
                effect[1].ShouldBe(appended.TraceId.ToString(), "one trace runs from the append to the consumer");
            }
        }
    }
}
