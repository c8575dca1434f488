using System.Collections.Concurrent;
using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Appending;

[Collection(SharedInfrastructure.Name)]
public sealed class ConcurrentWriterTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Concurrent_writers_on_one_stream_each_version_has_one_winner_and_no_update_is_lost()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Account>("hot", new AccountOpened("hot", "ada"));
            await session.SaveChangesAsync();
        }

        const int writers = 8;
        const int depositsEach = 40;
        var conflicts = new ConcurrentBag<(long ReadVersion, ConcurrencyException Error)>();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var done = 0; done < depositsEach;)
            {
                await using var session = store.LightweightSession();
                var stream = await session.Events.FetchForWriting<Account>("hot");
                stream.AppendOne(new MoneyDeposited("hot", 1m));
                try
                {
                    await session.SaveChangesAsync();
                    done++;
                }
                catch (ConcurrencyException e)
                {
                    conflicts.Add((stream.StartingVersion!.Value, e));
                }
            }
        })));

        const int total = writers * depositsEach;
        await using var query = store.QuerySession();
        var account = await query.Events.AggregateStreamAsync<Account>("hot");
        account!.Balance.ShouldBe(total, "every successful deposit is in the stream");
        account.Version.ShouldBe(total + 1);

        var versions = await Sql.RowsAsync(db, "SELECT version FROM events WHERE stream_id = 'hot' ORDER BY version");
        versions.Select(r => (long)r[0]!).ShouldBe(Enumerable.Range(1, total + 1).Select(v => (long)v), "one winner per version, no holes");

        conflicts.ShouldNotBeEmpty("eight writers on one stream must collide");
        foreach (var (readVersion, error) in conflicts)
        {
            error.StreamId.ShouldBe("hot");
            error.ExpectedVersion.ShouldBe(readVersion, "the exception carries the loser's own expectation");
            error.ActualVersion.ShouldBeGreaterThan(readVersion);
        }

        var (min, max, count) = (await Sql.RowsAsync(db, "SELECT min(seq_id), max(seq_id), count(*) FROM events")).Select(r => ((long)r[0]!, (long)r[1]!, (long)r[2]!)).Single();
        (max - min + 1).ShouldBe(count, $"{conflicts.Count} losers must not leave sequence gaps");
    }

    [Fact]
    public async Task An_appender_holds_its_stream_lock_until_commit()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        await using (var warmup = store.LightweightSession())
        {
            warmup.Events.StartStream<Account>("locked", new AccountOpened("locked", "ada"));
            await warmup.SaveChangesAsync();
        }

        // The holder's transaction blocks on a lock this test holds, so it keeps its stream lock for as long as the
        // test wants, however slowly a loaded machine runs (a pg_sleep could end before the second appender starts).
        const long releaseKey = 424242;
        await using var release = new Npgsql.NpgsqlConnection(db);
        await release.OpenAsync();
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({releaseKey})", release))
            await take.ExecuteNonQueryAsync();

        await using var slow = store.LightweightSession();
        slow.Events.Append("locked", new MoneyDeposited("locked", 1m));
        slow.QueueSqlCommand($"SELECT pg_advisory_xact_lock({releaseKey})");
        var slowCommit = slow.SaveChangesAsync();
        await Eventually.WaitUntilAsync(async () => await AdvisoryLocksAsync(db, granted: false) == 1, TimeSpan.FromSeconds(30),
            "the holder has its stream lock and waits for the test's");
        (await AdvisoryLocksAsync(db, granted: true)).ShouldBe(2, "the holder's stream lock and the test's own");

        await using var next = store.LightweightSession();
        next.Events.Append("locked", new MoneyDeposited("locked", 2m));
        var nextCommit = next.SaveChangesAsync();
        await Eventually.WaitUntilAsync(async () => await AdvisoryLocksAsync(db, granted: false) == 2, TimeSpan.FromSeconds(30),
            "the second appender waits for the stream lock");
        nextCommit.IsCompleted.ShouldBeFalse("the second appender cannot commit while the first holds the stream");

        await using (var free = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({releaseKey})", release))
            await free.ExecuteNonQueryAsync();
        await slowCommit;
        await nextCommit;

        var txs = await Sql.RowsAsync(db, "SELECT tx_id::text::bigint FROM events WHERE stream_id = 'locked' ORDER BY version");
        ((long)txs[2][0]!).ShouldBeGreaterThan((long)txs[1][0]!, "the waiter's transaction id is larger than the holder's");
    }

    /// <summary>Advisory locks on <paramref name="db"/> held (granted) or waited for by connections other than this query's.</summary>
    private static Task<long> AdvisoryLocksAsync(string db, bool granted) => Sql.ScalarAsync<long>(db,
        $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted = {(granted ? "true" : "false")} AND pid <> pg_backend_pid() "
        + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
}
