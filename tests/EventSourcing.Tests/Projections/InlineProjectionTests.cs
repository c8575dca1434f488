using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Projections;

[Collection(SharedInfrastructure.Name)]
public sealed class InlineProjectionTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task An_inline_projection_is_readable_as_soon_as_SaveChanges_returns()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(db);
            o.Migrations.Add(1, "account_balances", AccountBalances.CreateTableSql("account_balances"));
            o.Projections.Add(new AccountBalances(), ProjectionLifecycle.Inline);
        });

        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Account>("acc_1", new AccountOpened("acc_1", "ada"), new MoneyDeposited("acc_1", 12m));
            await session.SaveChangesAsync();
        }

        await using var query = store.QuerySession();
        var rows = await query.QueryAsync("SELECT owner, balance, events FROM account_balances WHERE account_id = $1", ["acc_1"],
            r => (Owner: r.GetString(0), Balance: r.GetDecimal(1), Events: r.GetInt32(2)));
        rows.ShouldHaveSingleItem().ShouldBe(("ada", 12m, 2));
    }

    [Fact]
    public async Task When_a_projection_fails_the_events_are_not_written_either()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(db);
            o.Migrations.Add(1, "account_balances", AccountBalances.CreateTableSql("account_balances"));
            o.Projections.Add(new AccountBalances(), ProjectionLifecycle.Inline);
        });

        await using (var session = store.LightweightSession())
        {
            // The projection refuses a deposit to an account it has no row for.
            session.Events.Append("ghost", new MoneyDeposited("ghost", 1m));
            await Should.ThrowAsync<InvalidOperationException>(() => session.SaveChangesAsync());
        }

        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM events")).ShouldBe(0);
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM streams")).ShouldBe(0);
    }
}
