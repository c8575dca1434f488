using Outreach.Contracts;
using Shouldly;

namespace Outreach.SeatService.Tests.Seats;

/// <summary>What seat-service tells the other services, seen from a consumer on the broker: the facts, once, no secrets.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed class PublishedMessagesTests(SeatServiceFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_migrate_request_publishes_one_UserMigrated_naming_every_seat_and_both_keys()
    {
        await using var migrations = await system.ListenAsync<UserMigrated>();
        var accountId = await system.CreateAccountAsync();
        var from = await system.IssueKeyAsync(accountId);
        var to = await system.IssueKeyAsync(accountId);
        var tenant = system.ClientFor(from);
        var seats = new[] { await SeatLifecycleTests.AddSeatAsync(tenant), await SeatLifecycleTests.AddSeatAsync(tenant) };

        (await tenant.ManageAsync(new { action = "migrate", user_ids = seats, target_access_key = to.AccessKey })).Response.EnsureSuccessStatusCode();

        var seen = await migrations.WaitForAsync(m => m.AccountId == accountId, Patience);
        await Task.Delay(500); // a second message for the same move would arrive by now
        var message = migrations.Messages.Where(m => m.AccountId == accountId).ShouldHaveSingleItem();
        message.SeatIds.ShouldBe(seats, ignoreOrder: true);
        message.FromKeyId.ShouldBe(from.KeyId);
        message.ToKeyId.ShouldBe(to.KeyId);
        seen.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Adding_a_seat_and_changing_its_limit_are_published_with_the_key_and_account_and_no_secret()
    {
        await using var added = await system.ListenAsync<SeatAdded>();
        await using var limits = await system.ListenAsync<SeatDailyLimitChanged>();
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var tenant = system.ClientFor(key);
        var seatId = await SeatLifecycleTests.AddSeatAsync(tenant);
        (await tenant.ManageAsync(new { action = "set_daily_limit", user_id = seatId, daily_limit = 60 })).Response.EnsureSuccessStatusCode();

        var seatAdded = (await added.WaitForAsync(m => m.SeatId == seatId, Patience)).ShouldHaveSingleItem();
        seatAdded.KeyId.ShouldBe(key.KeyId);
        seatAdded.AccountId.ShouldBe(key.AccountId);
        seatAdded.DailyLimit.ShouldBe(25);
        (await limits.WaitForAsync(m => m.SeatId == seatId, Patience)).ShouldHaveSingleItem().DailyLimit.ShouldBe(60);
        System.Text.Json.JsonSerializer.Serialize(seatAdded).ShouldNotContain(key.AccessKey);
        System.Text.Json.JsonSerializer.Serialize(seatAdded).ShouldNotContain(key.Secret);
    }
}
