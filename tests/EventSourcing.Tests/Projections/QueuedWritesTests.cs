using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Projections;

/// <summary>
/// ProjectionContext.EnqueueAsync: writes sent together before the commit (one round trip), in order with
/// ExecuteAsync, in the append's transaction, and the same when a rebuild replays them.
/// </summary>
[Collection(SharedInfrastructure.Name)]
public sealed class QueuedWritesTests(InfrastructureFixture fixture)
{
    private const string Table = "CREATE TABLE ledger (account_id text PRIMARY KEY, owner text NOT NULL, total numeric NOT NULL, lines int NOT NULL)";

    /// <summary>Queues the row's insert, then updates it with ExecuteAsync, which only finds it if the queue went first.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Project methods are found by reflection as instance methods.")]
    private sealed class Ledger : EventProjection
    {
        public Task Project(AccountOpened e, ProjectionContext ctx) =>
            ctx.EnqueueAsync("INSERT INTO ledger (account_id, owner, total, lines) VALUES ($1, $2, 0, 0)", e.AccountId, e.Owner);

        public async Task Project(MoneyDeposited e, ProjectionContext ctx)
        {
            var rows = await ctx.ExecuteAsync("UPDATE ledger SET total = total + $2, lines = lines + 1 WHERE account_id = $1", e.AccountId, e.Amount);
            if (rows != 1)
                throw new InvalidOperationException("The queued insert had not reached the server before the update.");
        }

        public Task Project(MoneyWithdrawn e, ProjectionContext ctx) =>
            ctx.EnqueueAsync("UPDATE ledger SET total = total - $2, lines = lines + 1 WHERE account_id = $1", e.AccountId, e.Amount);

        public override Task ResetAsync(SqlContext context) => context.ExecuteAsync("TRUNCATE ledger");
    }

    [Fact]
    public async Task Queued_writes_keep_their_order_with_executed_ones_and_commit_with_the_events()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = Store(db);

        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Account>("acc_1", new AccountOpened("acc_1", "ada"), new MoneyDeposited("acc_1", 10m),
                new MoneyWithdrawn("acc_1", 3m), new MoneyWithdrawn("acc_1", 2m));
            await session.SaveChangesAsync();
        }

        (await Sql.ScalarAsync<decimal>(db, "SELECT total FROM ledger WHERE account_id = 'acc_1'")).ShouldBe(5m);
        (await Sql.ScalarAsync<int>(db, "SELECT lines FROM ledger WHERE account_id = 'acc_1'")).ShouldBe(3);
    }

    [Fact]
    public async Task A_queued_write_that_fails_rolls_the_events_back_too()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = Store(db);
        await using (var first = store.LightweightSession())
        {
            first.Events.StartStream<Account>("acc_1", new AccountOpened("acc_1", "ada"));
            await first.SaveChangesAsync();
        }

        await using (var duplicate = store.LightweightSession())
        {
            // Another stream whose queued insert hits the same primary key: the batch fails at the commit.
            duplicate.Events.StartStream<Account>("acc_1_again", new AccountOpened("acc_1", "eve"));
            await Should.ThrowAsync<Npgsql.PostgresException>(() => duplicate.SaveChangesAsync());
        }

        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM events")).ShouldBe(1);
        (await Sql.ScalarAsync<string>(db, "SELECT owner FROM ledger")).ShouldBe("ada");
    }

    [Fact]
    public async Task A_rebuild_replays_queued_writes_to_the_same_rows()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = Store(db);
        for (var i = 0; i < 30; i++)
        {
            await using var session = store.LightweightSession();
            session.Events.StartStream<Account>($"acc_{i}", new AccountOpened($"acc_{i}", "owner"), new MoneyDeposited($"acc_{i}", i), new MoneyWithdrawn($"acc_{i}", 1m));
            await session.SaveChangesAsync();
        }
        var before = await Sql.ScalarAsync<decimal>(db, "SELECT sum(total) FROM ledger");

        await store.Advanced.RebuildProjectionAsync<Ledger>();

        (await Sql.ScalarAsync<decimal>(db, "SELECT sum(total) FROM ledger")).ShouldBe(before);
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM ledger")).ShouldBe(30);
    }

    private static DocumentStore Store(string db) => DocumentStore.For(o =>
    {
        o.Connection(db);
        o.Migrations.Add(1, "ledger", Table);
        o.Projections.Add(new Ledger(), ProjectionLifecycle.Inline);
    });
}
