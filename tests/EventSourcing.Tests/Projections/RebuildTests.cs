using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Projections;

/// <summary>
/// Two identical inline projections write two tables; one is rebuilt from the log and must end equal to the one
/// that was only ever maintained inline.
/// </summary>
[Collection(SharedInfrastructure.Name)]
public sealed class RebuildTests(InfrastructureFixture fixture)
{
    private const string Rebuilt = "balances_rebuilt";
    private const string Inline = "balances_inline";

    [Fact]
    public async Task A_rebuild_ends_equal_to_the_inline_projection()
    {
        var (db, store, rebuilt) = await CreateStoreAsync();
        await using var _ = store;
        await AppendAsync(store, accounts: 20, depositsEach: 30);
        await Sql.ExecuteAsync(db, $"UPDATE {Rebuilt} SET balance = -1"); // damage the read model

        await store.Advanced.RebuildProjectionAsync(rebuilt.Name);

        await ShouldBeEqualAsync(db);
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM projection_rebuilds")).ShouldBe(0);
    }

    [Fact]
    public async Task An_interrupted_rebuild_resumes_and_ends_equal_even_with_appends_in_between_and_during()
    {
        var (db, store, rebuilt) = await CreateStoreAsync();
        await using var _ = store;
        await AppendAsync(store, accounts: 20, depositsEach: 30);
        store.Advanced.RebuildBatchSize = 50;

        using var interrupt = new CancellationTokenSource();
        var applied = 0;
        rebuilt.AfterApply = () =>
        {
            if (++applied == 120)
                interrupt.Cancel();
        };
        await Should.ThrowAsync<OperationCanceledException>(() => store.Advanced.RebuildProjectionAsync(rebuilt.Name, interrupt.Token));
        rebuilt.AfterApply = null;
        (await Sql.ScalarAsync<long>(db, "SELECT seq_id FROM projection_rebuilds")).ShouldBeGreaterThan(0, "progress of the first batches was kept");

        // While the rebuild is unfinished, appends keep coming; the rebuilt table must not apply them twice.
        await AppendAsync(store, accounts: 5, depositsEach: 10, prefix: "late");
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                await using var session = store.LightweightSession();
                session.Events.Append("acc_0", new MoneyDeposited("acc_0", 1m));
                await session.SaveChangesAsync();
                i++;
            }
            return i;
        });

        await store.Advanced.RebuildProjectionAsync(rebuilt.Name);
        await stop.CancelAsync();
        (await writer).ShouldBeGreaterThan(0);

        await ShouldBeEqualAsync(db);
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM projection_rebuilds")).ShouldBe(0);

        // After the rebuild, both are maintained inline again.
        await AppendAsync(store, accounts: 2, depositsEach: 3, prefix: "after");
        await ShouldBeEqualAsync(db);
    }

    private async Task<(string Db, DocumentStore Store, AccountBalances Rebuilt)> CreateStoreAsync()
    {
        var db = await fixture.CreateDatabaseAsync();
        var rebuilt = new AccountBalances(Rebuilt);
        var store = DocumentStore.For(o =>
        {
            o.Connection(db);
            o.Migrations.Add(1, "balances", AccountBalances.CreateTableSql(Rebuilt) + ";" + AccountBalances.CreateTableSql(Inline));
            o.Projections.Add(rebuilt);
            o.Projections.Add(new AccountBalances(Inline));
        });
        return (db, store, rebuilt);
    }

    private static async Task AppendAsync(DocumentStore store, int accounts, int depositsEach, string prefix = "acc")
    {
        await Task.WhenAll(Enumerable.Range(0, accounts).Select(async a =>
        {
            var id = $"{prefix}_{a}";
            await using (var open = store.LightweightSession())
            {
                open.Events.StartStream<Account>(id, new AccountOpened(id, $"owner {a}"));
                await open.SaveChangesAsync();
            }
            for (var d = 1; d <= depositsEach; d++)
            {
                await using var session = store.LightweightSession();
                session.Events.Append(id, d % 5 == 0 ? new MoneyWithdrawn(id, 2m) : new MoneyDeposited(id, d));
                await session.SaveChangesAsync();
            }
        }));
    }

    private static async Task ShouldBeEqualAsync(string db)
    {
        var differences = await Sql.ScalarAsync<long>(db, $"""
            SELECT count(*) FROM (
                (SELECT * FROM {Rebuilt} EXCEPT SELECT * FROM {Inline})
                UNION ALL
                (SELECT * FROM {Inline} EXCEPT SELECT * FROM {Rebuilt})) d
            """);
        differences.ShouldBe(0);
        (await Sql.ScalarAsync<long>(db, $"SELECT count(*) FROM {Rebuilt}")).ShouldBeGreaterThan(0);
    }
}
