using Microsoft.Extensions.Hosting;
using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Subscriptions;

[Collection(SharedInfrastructure.Name)]
public sealed class SubscriptionDeliveryTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Eight_writers_with_random_rollbacks_every_committed_event_is_delivered_once_in_order()
    {
        var db = await fixture.CreateDatabaseAsync();
        await Sql.ExecuteAsync(db, RecordingSubscription.CreateTableSql);
        var recorder = new RecordingSubscription(batchSize: 300);
        using var host = await TestHosts.StartAsync(db, configureBuilder: b => b.AddSubscription(recorder));
        var store = host.Store();

        const int writers = 8;
        const int appendsEach = 1300;
        var committed = 0;
        var rolledBack = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var i = 0; i < appendsEach; i++)
            {
                await using var session = store.LightweightSession();
                // Shared streams make writers wait on each other; two-stream units and sleeps inside the
                // transaction make commits finish out of sequence order.
                var first = $"acc_{random.Next(40)}";
                session.Events.Append(first, new MoneyDeposited(first, 1m));
                if (random.Next(10) == 0)
                {
                    var second = $"acc_{random.Next(40)}";
                    if (second != first)
                        session.Events.Append(second, new MoneyWithdrawn(second, 1m));
                }
                var rollback = random.Next(8) == 0;
                if (random.Next(4) == 0)
                    session.QueueSqlCommand("SELECT pg_sleep($1)", random.Next(0, 4) / 1000.0);
                if (rollback)
                    session.QueueSqlCommand("SELECT 1 / 0");
                try
                {
                    await session.SaveChangesAsync();
                    Interlocked.Increment(ref committed);
                }
                catch (Npgsql.PostgresException) when (rollback)
                {
                    Interlocked.Increment(ref rolledBack);
                }
            }
        })));

        (committed + rolledBack).ShouldBe(writers * appendsEach);
        rolledBack.ShouldBeGreaterThan(500);
        (await Sql.ScalarAsync<long>(db, "SELECT max(seq_id) - count(*) FROM events")).ShouldBeGreaterThan(0, "rollbacks left sequence gaps");

        await DeliveryAssertions.WaitForAllDeliveredAsync(db, TimeSpan.FromSeconds(60));
        await DeliveryAssertions.ShouldHaveDeliveredEveryEventOnceInOrderAsync(db);

        var progress = (await store.Advanced.GetSubscriptionProgressAsync()).Single();
        progress.Name.ShouldBe("recorder");
        progress.Lag.ShouldBe(0);
        progress.IsRunning.ShouldBeTrue();
        progress.HeadSequence.ShouldBe(await Sql.ScalarAsync<long>(db, "SELECT max(seq_id) FROM events"));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_failing_subscriber_retries_the_same_batch_and_skips_nothing()
    {
        var db = await fixture.CreateDatabaseAsync();
        await Sql.ExecuteAsync(db, RecordingSubscription.CreateTableSql);
        var failures = 3;
        var recorder = new RecordingSubscription { FailWhile = () => Interlocked.Decrement(ref failures) >= 0 };
        using var host = await TestHosts.StartAsync(db, configureBuilder: b => b.AddSubscription(recorder));
        await AppendAsync(host.Store(), 50);

        await DeliveryAssertions.WaitForAllDeliveredAsync(db, TimeSpan.FromSeconds(30));
        await DeliveryAssertions.ShouldHaveDeliveredEveryEventOnceInOrderAsync(db);
        failures.ShouldBeLessThan(0);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_subscription_comes_back_after_a_postgres_restart_without_losing_or_repeating_events()
    {
        var db = await fixture.CreateDatabaseAsync();
        await Sql.ExecuteAsync(db, RecordingSubscription.CreateTableSql);
        var recorder = new RecordingSubscription(batchSize: 20);
        using var host = await TestHosts.StartAsync(db, configureBuilder: b => b.AddSubscription(recorder));
        var store = host.Store();

        await AppendAsync(store, 200);
        await Eventually.WaitUntilAsync(() => Task.FromResult(recorder.Delivered > 0), TimeSpan.FromSeconds(10), "delivery started");
        await fixture.RestartPostgresAsync();
        await AppendAsync(store, 200, retryConnectionFailures: true);

        await DeliveryAssertions.WaitForAllDeliveredAsync(db, TimeSpan.FromSeconds(60));
        await DeliveryAssertions.ShouldHaveDeliveredEveryEventOnceInOrderAsync(db);
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM seen")).ShouldBe(400);
        await host.StopAsync();
    }

    [Fact]
    public async Task Across_two_stores_on_one_database_only_one_instance_of_a_subscription_runs()
    {
        var db = await fixture.CreateDatabaseAsync();
        await Sql.ExecuteAsync(db, RecordingSubscription.CreateTableSql);
        var a = new RecordingSubscription("a", batchSize: 25);
        var b = new RecordingSubscription("b", batchSize: 25);
        var hostA = await TestHosts.StartAsync(db, configureBuilder: x => x.AddSubscription(a));
        using var hostB = await TestHosts.StartAsync(db, configureBuilder: x => x.AddSubscription(b));

        await Task.WhenAll(AppendAsync(hostA.Store(), 150), AppendAsync(hostB.Store(), 150));
        await DeliveryAssertions.WaitForAllDeliveredAsync(db, TimeSpan.FromSeconds(30));
        var instances = await Sql.RowsAsync(db, "SELECT DISTINCT instance FROM seen");
        instances.Count.ShouldBe(1, "one replica processes while the other stands by");
        var active = (string)instances[0][0]!;

        // The active replica goes away: the standby takes over from the checkpoint.
        var (activeHost, standbyHost) = active == "a" ? (hostA, hostB) : (hostB, hostA);
        await activeHost.StopAsync();
        activeHost.Dispose();
        await AppendAsync(standbyHost.Store(), 100);
        await DeliveryAssertions.WaitForAllDeliveredAsync(db, TimeSpan.FromSeconds(30));
        await DeliveryAssertions.ShouldHaveDeliveredEveryEventOnceInOrderAsync(db);
        (await Sql.RowsAsync(db, "SELECT DISTINCT instance FROM seen")).Count.ShouldBe(2);
        await standbyHost.StopAsync();
        if (active == "b")
            hostA.Dispose();
    }

    [Fact]
    public async Task A_filtered_subscription_gets_only_its_types_and_its_progress_does_not_count_the_rest()
    {
        var db = await fixture.CreateDatabaseAsync();
        await Sql.ExecuteAsync(db, RecordingSubscription.CreateTableSql);
        var withdrawals = new RecordingSubscription(name: "withdrawals").Only<MoneyWithdrawn>();
        using var host = await TestHosts.StartAsync(db, configureBuilder: b => b.AddSubscription(withdrawals));
        var store = host.Store();
        await using (var session = store.LightweightSession())
        {
            session.Events.Append("acc_w", new MoneyWithdrawn("acc_w", 1m), new MoneyWithdrawn("acc_w", 2m));
            await session.SaveChangesAsync();
        }
        await AppendAsync(store, 100); // deposits only

        await Eventually.WaitUntilAsync(async () => (await store.Advanced.GetSubscriptionProgressAsync()).Single().Lag == 0,
            TimeSpan.FromSeconds(15), "the checkpoint moved past the events the subscription does not take");
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM seen")).ShouldBe(2);
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM seen s JOIN events e USING (seq_id) WHERE e.type <> 'money_withdrawn'")).ShouldBe(0);
        await host.StopAsync();
    }

    private static async Task AppendAsync(IDocumentStore store, int count, bool retryConnectionFailures = false)
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"acc_{i % 7}";
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await using var session = store.LightweightSession();
                    session.Events.Append(id, new MoneyDeposited(id, 1m));
                    await session.SaveChangesAsync();
                    break;
                }
                catch (Npgsql.NpgsqlException) when (retryConnectionFailures && attempt < 20)
                {
                    await Task.Delay(200);
                }
            }
        }
    }
}
