using System.Diagnostics;
using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Appending;

[Collection(SharedInfrastructure.Name)]
public sealed class AppendAndReadTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task A_started_stream_reads_back_in_order_with_versions_sequences_and_aliases()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));

        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Account>("acc_1", new AccountOpened("acc_1", "ada"), new MoneyDeposited("acc_1", 10m));
            session.Events.Append("acc_1", new MoneyWithdrawn("acc_1", 3m));
            await session.SaveChangesAsync();
            session.PendingStreams.ShouldBeEmpty();
        }

        await using var query = store.QuerySession();
        var events = await query.Events.FetchStreamAsync("acc_1");
        events.Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
        events.Select(e => e.EventTypeName).ShouldBe(["account_opened", "money_deposited", "money_withdrawn"]);
        events.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        events[1].Data.ShouldBe(new MoneyDeposited("acc_1", 10m));
        events.ShouldAllBe(e => e.StreamId == "acc_1" && e.Id != Guid.Empty && e.TransactionId > 0);

        var state = await query.Events.FetchStreamStateAsync("acc_1");
        state.ShouldNotBeNull();
        state.Version.ShouldBe(3);
        state.AggregateTypeName.ShouldBe(nameof(Account));
        (await query.Events.FetchStreamStateAsync("nope")).ShouldBeNull();
        (await query.Events.FetchStreamAsync("nope")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_aggregate_is_rebuilt_by_its_Apply_methods_with_id_and_version_set()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Account>("acc_2", new AccountOpened("acc_2", "grace"), new MoneyDeposited("acc_2", 5m),
                new MoneyDeposited("acc_2", 7m), new MoneyWithdrawn("acc_2", 2m));
            await session.SaveChangesAsync();
        }

        await using var query = store.QuerySession();
        var account = await query.Events.AggregateStreamAsync<Account>("acc_2");
        account.ShouldNotBeNull();
        account.Id.ShouldBe("acc_2");
        account.Owner.ShouldBe("grace");
        account.Balance.ShouldBe(10m);
        account.Version.ShouldBe(4);

        var asOfVersion2 = await query.Events.AggregateStreamAsync<Account>("acc_2", version: 2);
        asOfVersion2!.Balance.ShouldBe(5m);
        asOfVersion2.Version.ShouldBe(2);

        (await query.Events.AggregateStreamAsync<Account>("missing")).ShouldBeNull();
    }

    [Fact]
    public async Task Metadata_of_the_unit_of_work_is_stored_with_every_event_including_the_current_trace()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        using var request = new Activity("POST /accounts").SetIdFormat(ActivityIdFormat.W3C).Start();

        await using (var session = store.LightweightSession())
        {
            session.CorrelationId = "corr-42";
            session.CausationId = "cause-7";
            session.TenantId = "key_abc";
            session.Actor = "user:ada";
            session.Events.StartStream<Account>("acc_3", new AccountOpened("acc_3", "ada"), new MoneyDeposited("acc_3", 1m));
            await session.SaveChangesAsync();
        }
        request.Stop();

        var rows = await Sql.RowsAsync(db, "SELECT correlation_id, causation_id, tenant_id, actor, traceparent FROM events ORDER BY seq_id");
        rows.Count.ShouldBe(2);
        foreach (var row in rows)
        {
            row[0].ShouldBe("corr-42");
            row[1].ShouldBe("cause-7");
            row[2].ShouldBe("key_abc");
            row[3].ShouldBe("user:ada");
            ActivityContext.TryParse((string)row[4]!, null, out var stored).ShouldBeTrue();
            stored.TraceId.ShouldBe(request.TraceId);
        }
        (await Sql.ScalarAsync<string>(db, "SELECT tenant_id FROM streams WHERE id = 'acc_3'")).ShouldBe("key_abc");

        await using var query = store.QuerySession();
        var read = await query.Events.FetchStreamAsync("acc_3");
        read[0].CorrelationId.ShouldBe("corr-42");
        read[0].Actor.ShouldBe("user:ada");
        read[0].TraceParent.ShouldNotBeNull();
    }

    [Fact]
    public async Task Expected_versions_follow_Marten_the_version_after_the_append()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Account>("acc_4", new AccountOpened("acc_4", "ada"), new MoneyDeposited("acc_4", 1m));
            await session.SaveChangesAsync();
        }

        await using (var session = store.LightweightSession())
        {
            session.Events.Append("acc_4", 3, new MoneyDeposited("acc_4", 1m));
            await session.SaveChangesAsync();
        }

        await using (var stale = store.LightweightSession())
        {
            stale.Events.Append("acc_4", 3, new MoneyDeposited("acc_4", 1m));
            var conflict = await Should.ThrowAsync<ConcurrencyException>(() => stale.SaveChangesAsync());
            conflict.StreamId.ShouldBe("acc_4");
            conflict.ExpectedVersion.ShouldBe(2);
            conflict.ActualVersion.ShouldBe(3);
        }

        await using (var again = store.LightweightSession())
        {
            again.Events.StartStream<Account>("acc_4", new AccountOpened("acc_4", "eve"));
            var exists = await Should.ThrowAsync<ConcurrencyException>(() => again.SaveChangesAsync());
            exists.ExpectedVersion.ShouldBe(0);
            exists.ActualVersion.ShouldBe(3);
        }

        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM events")).ShouldBe(3);
        (await Sql.ScalarAsync<long>(db, "SELECT max(seq_id) FROM events")).ShouldBe(3, "refused appends must not use up sequence numbers");
    }

    [Fact]
    public async Task FetchForWriting_appends_only_if_nobody_appended_since_the_fetch()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));

        await using (var session = store.LightweightSession())
        {
            var fresh = await session.Events.FetchForWriting<Account>("acc_5");
            fresh.Aggregate.ShouldBeNull();
            fresh.StartingVersion.ShouldBe(0);
            fresh.AppendOne(new AccountOpened("acc_5", "ada"));
            fresh.AppendOne(new MoneyDeposited("acc_5", 4m));
            fresh.CurrentVersion.ShouldBe(2);
            await session.SaveChangesAsync();
        }

        await using var first = store.LightweightSession();
        await using var second = store.LightweightSession();
        var a = await first.Events.FetchForWriting<Account>("acc_5");
        var b = await second.Events.FetchForWriting<Account>("acc_5");
        a.Aggregate!.Balance.ShouldBe(4m);
        a.AppendOne(new MoneyWithdrawn("acc_5", 1m));
        b.AppendOne(new MoneyWithdrawn("acc_5", 4m));
        await first.SaveChangesAsync();
        var conflict = await Should.ThrowAsync<ConcurrencyException>(() => second.SaveChangesAsync());
        conflict.ExpectedVersion.ShouldBe(2);
        conflict.ActualVersion.ShouldBe(3);

        await Should.ThrowAsync<ConcurrencyException>(() => first.Events.FetchForWriting<Account>("acc_5", expectedVersion: 2));
    }

    [Fact]
    public async Task A_unit_of_work_over_two_streams_is_all_or_nothing()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Account>("from", new AccountOpened("from", "ada"), new MoneyDeposited("from", 10m));
            session.Events.StartStream<Account>("to", new AccountOpened("to", "bob"));
            await session.SaveChangesAsync();
        }

        await using (var transfer = store.LightweightSession())
        {
            transfer.Events.Append("from", 3, new MoneyWithdrawn("from", 5m));
            transfer.Events.Append("to", 5, new MoneyDeposited("to", 5m)); // "to" is at 1, not 4
            var conflict = await Should.ThrowAsync<ConcurrencyException>(() => transfer.SaveChangesAsync());
            conflict.StreamId.ShouldBe("to");
            conflict.ExpectedVersion.ShouldBe(4);
            conflict.ActualVersion.ShouldBe(1);
        }

        (await Sql.ScalarAsync<long>(db, "SELECT version FROM streams WHERE id = 'from'")).ShouldBe(2);
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM events")).ShouldBe(3);

        await using (var transfer = store.LightweightSession())
        {
            transfer.Events.Append("from", 3, new MoneyWithdrawn("from", 5m));
            transfer.Events.Append("to", 2, new MoneyDeposited("to", 5m));
            await transfer.SaveChangesAsync();
        }
        (await Sql.ScalarAsync<long>(db, "SELECT max(seq_id) FROM events")).ShouldBe(5, "the refused transfer used no sequence numbers");
    }

    [Fact]
    public async Task Queued_sql_commits_with_the_events_and_a_failure_rolls_both_back()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        await Sql.ExecuteAsync(db, "CREATE TABLE owners (name text PRIMARY KEY)");

        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Account>("acc_6", new AccountOpened("acc_6", "ada"));
            session.QueueSqlCommand("INSERT INTO owners (name) VALUES ($1)", "ada");
            await session.SaveChangesAsync();
        }
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Account>("acc_7", new AccountOpened("acc_7", "ada"));
            session.QueueSqlCommand("INSERT INTO owners (name) VALUES ($1)", "ada"); // duplicate key
            await Should.ThrowAsync<Npgsql.PostgresException>(() => session.SaveChangesAsync());
        }

        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM events")).ShouldBe(1);
        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM streams")).ShouldBe(1);
    }
}
