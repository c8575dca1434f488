using Outreach.Contracts;
using Shouldly;

namespace Outreach.SeatService.Tests.Seats;

/// <summary>daily_sent_count rises on InvitationSent messages, once per message, and only for the seat's own tenant.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed class DailySentCountTests(SeatServiceFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_sent_invitation_counts_once_even_when_its_message_is_delivered_twice()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var tenant = system.ClientFor(key);
        var seatId = await SeatLifecycleTests.AddSeatAsync(tenant);
        await system.ActivateSeatAsync(seatId);

        var first = Guid.NewGuid();
        await system.PublishAsync(Sent(key, seatId), first);
        await system.PublishAsync(Sent(key, seatId), first); // a redelivery of the same message
        await system.PublishAsync(Sent(key, seatId), Guid.NewGuid());

        await WaitForCountAsync(tenant, 2);
        // Nothing else is on its way: a late third increment would show up here.
        await Task.Delay(500);
        (await SentCountAsync(tenant)).ShouldBe(2);
    }

    [Fact]
    public async Task A_message_naming_another_tenants_seat_changes_nothing()
    {
        var ownerKey = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var owner = system.ClientFor(ownerKey);
        var seatId = await SeatLifecycleTests.AddSeatAsync(owner);
        await system.ActivateSeatAsync(seatId);
        var strangerKey = await system.IssueKeyAsync(await system.CreateAccountAsync());

        await system.PublishAsync(Sent(strangerKey, seatId), Guid.NewGuid()); // forged: the stranger's key, the owner's seat
        await system.PublishAsync(Sent(ownerKey, seatId), Guid.NewGuid());   // the real one, as a marker that both were consumed

        await WaitForCountAsync(owner, 1);
        await Task.Delay(500);
        (await SentCountAsync(owner)).ShouldBe(1);
    }

    private static InvitationSent Sent(IssuedKey key, string seatId) =>
        new($"inv_{Guid.NewGuid():N}", key.AccountId, key.KeyId, seatId, "li_account", DateTimeOffset.UtcNow);

    private static async Task<int> SentCountAsync(HttpClient tenant) =>
        (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users")[0].GetProperty("daily_sent_count").GetInt32();

    private static async Task WaitForCountAsync(HttpClient tenant, int expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (await SentCountAsync(tenant) < expected)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"daily_sent_count did not reach {expected}.");
            await Task.Delay(50);
        }
    }
}
