using System.Net;
using Shouldly;

namespace Outreach.SeatService.Tests.Accounts;

/// <summary>Seed 000's action summary: add adds a seat, suspend and unsuspend keep it, migrate transfers it, disconnect removes it.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed class BillingTests(SeatServiceFixture system)
{
    [Fact]
    public async Task Seats_in_use_follow_the_action_summary_per_key()
    {
        var accountId = await system.CreateAccountAsync("Billed");
        var first = await system.IssueKeyAsync(accountId);
        var second = await system.IssueKeyAsync(accountId);
        var tenant = system.ClientFor(first);
        await Seats.SeatLifecycleTests.AddSeatAsync(tenant); // stays pending
        var suspended = await Seats.SeatLifecycleTests.AddSeatAsync(tenant);
        var moved = await Seats.SeatLifecycleTests.AddSeatAsync(tenant);
        var removed = await Seats.SeatLifecycleTests.AddSeatAsync(tenant);

        await system.ActivateSeatAsync(suspended);
        (await tenant.ManageAsync(new { action = "suspend", user_id = suspended })).Response.EnsureSuccessStatusCode();
        (await tenant.ManageAsync(new { action = "migrate", user_ids = new[] { moved }, target_access_key = second.AccessKey })).Response.EnsureSuccessStatusCode();
        (await tenant.ManageAsync(new { action = "disconnect", user_id = removed })).Response.EnsureSuccessStatusCode();

        var (response, status) = await system.Operator().GetJsonAsync($"/admin/accounts/{accountId}/status");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        status.GetProperty("seats_in_use").GetInt32().ShouldBe(3);
        var keys = status.GetProperty("keys").EnumerateArray().ToDictionary(k => k.GetProperty("key_id").GetString()!, k => k.GetProperty("seats_in_use").GetInt32());
        keys[first.KeyId].ShouldBe(2);   // kept (pending) + suspended
        keys[second.KeyId].ShouldBe(1);  // moved
        
    }

    [Fact]
    public async Task The_status_of_an_unknown_account_is_not_found_and_needs_the_operator()
    {
        (await system.Operator().GetJsonAsync("/admin/accounts/acc_nosuchaccount/status")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var accountId = await system.CreateAccountAsync();
        var tenant = system.ClientFor(await system.IssueKeyAsync(accountId));
        (await tenant.GetJsonAsync($"/admin/accounts/{accountId}/status")).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
