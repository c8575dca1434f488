using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Inbox;

[Collection(SharedInfrastructure.Name)]
public sealed class InboxTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Two_deliveries_of_one_message_racing_have_one_effect()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var store = DocumentStore.For(o => o.Connection(db));
        var messageId = Guid.NewGuid();

        await using var first = store.LightweightSession();
        await using var second = store.LightweightSession();
        (await first.HasHandledAsync(messageId, "ledger")).ShouldBeFalse();
        (await second.HasHandledAsync(messageId, "ledger")).ShouldBeFalse();
        first.Events.Append("ledger", new MoneyDeposited("a", 1m));
        first.MarkMessageHandled(messageId, "ledger");
        second.Events.Append("ledger", new MoneyDeposited("a", 1m));
        second.MarkMessageHandled(messageId, "ledger");

        await first.SaveChangesAsync();
        var duplicate = await Should.ThrowAsync<MessageAlreadyHandledException>(() => second.SaveChangesAsync());
        duplicate.MessageId.ShouldBe(messageId);

        (await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM events")).ShouldBe(1);
        (await first.HasHandledAsync(messageId, "ledger")).ShouldBeTrue();
        (await first.HasHandledAsync(messageId, "another consumer")).ShouldBeFalse();
    }
}
