using Npgsql;
using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Sessions;

/// <summary>
/// Marten 7's default connection lifetime: a session borrows a pooled connection for each read and for its commit and
/// gives it back at once. A handler that reads, then calls something slow, then commits must not sit on a connection
/// meanwhile: under load those idle holders are what drains the pool.
/// </summary>
[Collection(SharedInfrastructure.Name)]
public sealed class ConnectionLifetimeTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task A_session_between_its_read_and_its_commit_holds_no_connection_so_a_pool_of_one_spare_connection_serves_two_sessions()
    {
        // Two: the store's commit notifier keeps one for its NOTIFYs once anything is committed; one is left for sessions.
        var db = new NpgsqlConnectionStringBuilder(await fixture.CreateDatabaseAsync()) { MaxPoolSize = 2, Timeout = 3 }.ConnectionString;
        await using var store = DocumentStore.For(o => o.Connection(db));
        await using (var setup = store.LightweightSession())
        {
            setup.Events.StartStream<Account>("acc_1", new AccountOpened("acc_1", "ada"));
            setup.Events.StartStream<Account>("acc_2", new AccountOpened("acc_2", "bob"));
            await setup.SaveChangesAsync();
        }

        await using var first = store.LightweightSession();
        await using var second = store.LightweightSession();
        var one = await first.Events.FetchForWriting<Account>("acc_1");
        var two = await second.Events.FetchForWriting<Account>("acc_2");
        var handled = await first.HasHandledAsync(Guid.NewGuid(), "test");
        two.AppendOne(new MoneyDeposited("acc_2", 5m));
        one.AppendOne(new MoneyDeposited("acc_1", 7m));
        await second.SaveChangesAsync();
        await first.SaveChangesAsync();

        handled.ShouldBeFalse();
        await using var query = store.QuerySession();
        (await query.Events.FetchStreamAsync("acc_1")).Count.ShouldBe(2);
        (await query.Events.FetchStreamAsync("acc_2")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_connection_asked_for_explicitly_stays_the_sessions_until_it_is_disposed()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        await using var session = store.QuerySession();

        var connection = await session.OpenConnectionAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('application_name', 'pinned', false)", connection))
            await set.ExecuteNonQueryAsync();
        var rows = await session.QueryAsync("SELECT current_setting('application_name')", r => r.GetString(0));

        rows.ShouldBe(["pinned"]);
        (await session.OpenConnectionAsync()).ShouldBeSameAs(connection);
    }
}
