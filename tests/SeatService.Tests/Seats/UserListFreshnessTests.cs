using Shouldly;

namespace Outreach.SeatService.Tests.Seats;

/// <summary>
/// /user-list serves a cached answer per key while nothing changed: every change is visible in the very next read,
/// whatever wrote it (a command route, a consumer), and under every status filter.
/// </summary>
[Collection(SeatServiceSuite.Name)]
public sealed class UserListFreshnessTests(SeatServiceFixture system)
{
    [Fact]
    public async Task Each_change_shows_in_the_next_read_of_a_cached_list()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var target = await system.IssueKeyAsync(key.AccountId);
        var tenant = system.ClientFor(key);
        var seatId = await SeatLifecycleTests.AddSeatAsync(tenant);
        await system.ActivateSeatAsync(seatId);
        (await StatusesAsync(tenant)).ShouldBe(["active"]);
        (await StatusesAsync(tenant, "active")).ShouldBe(["active"]);
        (await StatusesAsync(tenant, "suspended")).ShouldBeEmpty();

        (await tenant.ManageAsync(new { action = "suspend", user_id = seatId })).Response.EnsureSuccessStatusCode();
        (await StatusesAsync(tenant)).ShouldBe(["suspended"]);
        (await StatusesAsync(tenant, "active")).ShouldBeEmpty();
        (await StatusesAsync(tenant, "suspended")).ShouldBe(["suspended"]);

        (await tenant.ManageAsync(new { action = "set_daily_limit", user_id = seatId, daily_limit = 7 })).Response.EnsureSuccessStatusCode();
        (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users")[0].GetProperty("daily_limit").GetInt32().ShouldBe(7);

        var second = await SeatLifecycleTests.AddSeatAsync(tenant);
        (await StatusesAsync(tenant)).ShouldBe(["suspended", "pending"]);

        (await tenant.ManageAsync(new { action = "migrate", user_ids = new[] { second }, target_access_key = target.AccessKey })).Response.EnsureSuccessStatusCode();
        (await StatusesAsync(tenant)).ShouldBe(["suspended"]);
        (await StatusesAsync(system.ClientFor(target))).ShouldBe(["pending"]);

        (await tenant.ManageAsync(new { action = "disconnect", user_id = seatId })).Response.EnsureSuccessStatusCode();
        (await StatusesAsync(tenant)).ShouldBeEmpty();
    }

    private static async Task<List<string>> StatusesAsync(HttpClient tenant, string? status = null)
    {
        var (response, body) = await tenant.GetJsonAsync(status is null ? "/user-list" : $"/user-list?status={status}");
        response.EnsureSuccessStatusCode();
        return body.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("status").GetString()!).ToList();
    }
}
