using Outreach.EventSourcing.Tests.Support;

namespace Outreach.EventSourcing.Tests.Subscriptions;

/// <summary>Checks the <c>seen</c> table against the event log: every committed event once, in (tx, seq) order, streams in version order.</summary>
public static class DeliveryAssertions
{
    public static async Task WaitForAllDeliveredAsync(string db, TimeSpan timeout)
    {
        await Eventually.WaitUntilAsync(async () =>
            await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM seen") >= await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM events"),
            timeout, "the subscription has seen every committed event");
    }

    public static async Task ShouldHaveDeliveredEveryEventOnceInOrderAsync(string db)
    {
        var duplicates = await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM (SELECT seq_id FROM seen GROUP BY seq_id HAVING count(*) > 1) d");
        duplicates.ShouldBe(0, "no event is delivered twice");

        var missing = await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM seen s WHERE s.seq_id = e.seq_id)");
        missing.ShouldBe(0, "every committed event is delivered");
        var phantom = await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM seen s WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.seq_id = s.seq_id)");
        phantom.ShouldBe(0, "only committed events are delivered");

        var outOfOrder = await Sql.ScalarAsync<long>(db, """
            SELECT count(*) FROM (
                SELECT row_number() OVER (ORDER BY delivery) AS delivered_as,
                       row_number() OVER (ORDER BY tx_id, seq_id) AS logged_as
                FROM seen) o
            WHERE delivered_as <> logged_as
            """);
        outOfOrder.ShouldBe(0, "delivery follows (transaction, sequence) order");

        var streamOrderBroken = await Sql.ScalarAsync<long>(db, """
            SELECT count(*) FROM (
                SELECT version, lag(version) OVER (PARTITION BY stream_id ORDER BY delivery) AS previous FROM seen) v
            WHERE previous IS NOT NULL AND version <> previous + 1
            """);
        streamOrderBroken.ShouldBe(0, "each stream is delivered in version order without holes");
    }
}
