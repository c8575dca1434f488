using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Schema;

[Collection(SharedInfrastructure.Name)]
public sealed class MigrationTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task A_second_startup_changes_nothing_and_keeps_the_data()
    {
        var db = await fixture.CreateDatabaseAsync();
        using (var first = await TestHosts.StartAsync(db, o => o.Migrations.Add(1, "notes", "CREATE TABLE notes (id int PRIMARY KEY)")))
        {
            await using var session = first.Store().LightweightSession();
            session.Events.StartStream<Account>("acc_1", new AccountOpened("acc_1", "ada"));
            session.QueueSqlCommand("INSERT INTO notes VALUES (1)");
            await session.SaveChangesAsync();
            await first.StopAsync();
        }
        var before = await Sql.RowsAsync(db, "SELECT scope, version, name, applied_at FROM schema_migrations ORDER BY scope, version");
        before.Select(r => ((string)r[0]!, (int)r[1]!)).ShouldBe([("event_store", 1), ("service", 1)]);

        using (var second = await TestHosts.StartAsync(db, o => o.Migrations.Add(1, "notes", "CREATE TABLE notes (id int PRIMARY KEY)")))
        {
            await second.StopAsync();
        }

        var after = await Sql.RowsAsync(db, "SELECT scope, version, name, applied_at FROM schema_migrations ORDER BY scope, version");
        after.Select(r => string.Join('|', r)).ShouldBe(before.Select(r => string.Join('|', r)));
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM events")).ShouldBe(1);
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM notes")).ShouldBe(1);
    }

    [Fact]
    public async Task A_new_service_migration_is_applied_on_the_next_startup_after_the_old_ones()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using (var v1 = DocumentStore.For(o =>
        {
            o.Connection(db);
            o.Migrations.Add(1, "notes", "CREATE TABLE notes (id int PRIMARY KEY)");
        }))
        {
            await v1.Advanced.ApplyMigrationsAsync();
        }
        await Sql.ExecuteAsync(db, "INSERT INTO notes VALUES (7)");

        await using (var v2 = DocumentStore.For(o =>
        {
            o.Connection(db);
            o.Migrations.Add(1, "notes", "CREATE TABLE notes (id int PRIMARY KEY)");
            o.Migrations.Add(2, "notes_text", "ALTER TABLE notes ADD COLUMN text text NOT NULL DEFAULT ''");
        }))
        {
            await v2.Advanced.ApplyMigrationsAsync();
        }

        (await Sql.ScalarAsync<string>(db, "SELECT text FROM notes WHERE id = 7")).ShouldBe("");
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM schema_migrations WHERE scope = 'service'")).ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_startups_apply_each_migration_exactly_once()
    {
        var db = await fixture.CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 6).Select(_ => DocumentStore.For(o =>
        {
            o.Connection(db);
            // Not idempotent on purpose: running it twice would fail.
            o.Migrations.Add(1, "counter", "CREATE TABLE counter (n int); INSERT INTO counter VALUES (1)");
        })).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => s.Advanced.ApplyMigrationsAsync()));
        }
        finally
        {
            foreach (var s in stores)
                await s.DisposeAsync();
        }

        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM counter")).ShouldBe(1);
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM schema_migrations")).ShouldBe(2);
    }

    [Fact]
    public void A_migration_version_declared_twice_is_refused()
    {
        var options = new EventStoreOptions();
        options.Migrations.Add(1, "a", "SELECT 1");
        Should.Throw<InvalidOperationException>(() => options.Migrations.Add(1, "b", "SELECT 2"));
    }
}
