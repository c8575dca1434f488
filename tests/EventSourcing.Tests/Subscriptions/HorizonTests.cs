using Npgsql;
using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Subscriptions;

/// <summary>
/// The hazard a plain "seq_id &gt; checkpoint" cursor falls into, even below the xid horizon: a transaction takes its
/// sequence number before its xid (nextval runs before the row write that assigns the xid), other transactions
/// with smaller xids and larger sequence numbers commit and are delivered, and then it commits an event with a
/// SMALLER seq_id than the checkpoint. Raw transactions here do exactly that while normal appenders keep committing.
/// </summary>
[Collection(SharedInfrastructure.Name)]
public sealed class HorizonTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Events_committed_late_with_an_older_sequence_number_are_still_delivered_once()
    {
        var db = await fixture.CreateDatabaseAsync();
        await Sql.ExecuteAsync(db, RecordingSubscription.CreateTableSql);
        var recorder = new RecordingSubscription(batchSize: 50);
        using var host = await TestHosts.StartAsync(db, configureBuilder: b => b.AddSubscription(recorder));
        var store = host.Store();
        await store.Advanced.ApplyMigrationsAsync();

        using var stop = new CancellationTokenSource();
        var appenders = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var session = store.LightweightSession();
                session.Events.Append($"fast_{w}", new MoneyDeposited($"fast_{w}", 1m));
                await session.SaveChangesAsync();
            }
        })).ToList();

        for (var i = 1; i <= 30; i++)
            await SlowTransactionAsync(db, $"slow_{i % 3}", i);
        await stop.CancelAsync();
        await Task.WhenAll(appenders);

        var inversions = await Sql.ScalarAsync<long>(db, """
            SELECT count(*) FROM events late
            WHERE late.stream_id LIKE 'slow_%'
              AND EXISTS (SELECT 1 FROM events early WHERE early.tx_id < late.tx_id AND early.seq_id > late.seq_id)
            """);
        inversions.ShouldBeGreaterThan(0, "the scenario must produce xid/sequence inversions");

        await DeliveryAssertions.WaitForAllDeliveredAsync(db, TimeSpan.FromSeconds(30));
        await DeliveryAssertions.ShouldHaveDeliveredEveryEventOnceInOrderAsync(db);
        await host.StopAsync();
    }

    /// <summary>
    /// Takes a sequence number first (no xid yet: nextval is not a row write), lets other transactions take xids and
    /// larger sequence numbers and commit, then writes its event (getting a larger xid) and commits last.
    /// </summary>
    private static async Task SlowTransactionAsync(string db, string streamId, int n)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        long sequence;
        await using (var reserve = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('events', 'seq_id'))", connection, transaction))
            sequence = (long)(await reserve.ExecuteScalarAsync())!;
        await Task.Delay(30);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO events (seq_id, id, stream_id, version, type, data) OVERRIDING SYSTEM VALUE
            SELECT $3, gen_random_uuid(), $1, coalesce(max(version), 0) + 1, 'money_deposited', jsonb_build_object('accountId', $1, 'amount', $2)
            FROM events WHERE stream_id = $1
            """, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = streamId });
            insert.Parameters.Add(new NpgsqlParameter { Value = n });
            insert.Parameters.Add(new NpgsqlParameter { Value = sequence });
            await insert.ExecuteNonQueryAsync();
        }
        await Task.Delay(20);
        await transaction.CommitAsync();
    }
}
