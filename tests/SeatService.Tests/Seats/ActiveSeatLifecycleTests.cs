using System.Net;
using Shouldly;

namespace Outreach.SeatService.Tests.Seats;

/// <summary>An active seat through suspend and unsuspend, the connect links that come and go with it, and races.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed class ActiveSeatLifecycleTests(SeatServiceFixture system)
{
    [Fact]
    public async Task Suspend_then_unsuspend_answer_as_documented_and_the_new_link_replaces_the_old()
    {
        var tenant = await system.NewTenantClientAsync();
        var (_, added) = await tenant.ManageAsync(new { action = "add" });
        var firstLink = new Uri(added.GetProperty("connect_url").GetString()!).PathAndQuery;
        var seatId = await OnlySeatIdAsync(tenant);
        await system.ActivateSeatAsync(seatId);
        (await StatusAsync(tenant)).ShouldBe("active");
        (await tenant.ManageAsync(new { action = "unsuspend", user_id = seatId })).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var (suspended, suspendBody) = await tenant.ManageAsync(new { action = "suspend", user_id = seatId });
        suspended.StatusCode.ShouldBe(HttpStatusCode.OK);
        suspendBody.GetProperty("success").GetBoolean().ShouldBeTrue();
        suspendBody.GetProperty("user_id").GetString().ShouldBe(seatId);
        suspendBody.GetProperty("status").GetString().ShouldBe("suspended");
        (await StatusAsync(tenant)).ShouldBe("suspended");
        (await tenant.GetJsonAsync("/user-list?status=suspended")).Body.GetProperty("users").GetArrayLength().ShouldBe(1);

        var (unsuspended, unsuspendBody) = await tenant.ManageAsync(new { action = "unsuspend", user_id = seatId });
        unsuspended.StatusCode.ShouldBe(HttpStatusCode.OK);
        unsuspendBody.GetProperty("user_id").GetString().ShouldBe(seatId);
        unsuspendBody.GetProperty("status").GetString().ShouldBe("pending");
        var secondLink = new Uri(unsuspendBody.GetProperty("connect_url").GetString()!).PathAndQuery;
        secondLink.ShouldNotBe(firstLink);
        (await StatusAsync(tenant)).ShouldBe("pending");

        var old = await system.Anonymous().GetAsync(firstLink);
        old.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await old.Content.ReadAsStringAsync()).ShouldContain("replaced");
        (await system.Anonymous().GetAsync(secondLink)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Concurrent_suspends_of_one_seat_let_exactly_one_win()
    {
        var tenant = await system.NewTenantClientAsync();
        var seatId = await SeatLifecycleTests.AddSeatAsync(tenant);
        await system.ActivateSeatAsync(seatId);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => tenant.ManageAsync(new { action = "suspend", user_id = seatId })));

        answers.Count(a => a.Response.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        answers.Count(a => a.Response.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
        (await SeatEventCountAsync(seatId, "seat_suspended")).ShouldBe(1L);
    }

    [Fact]
    public async Task Suspend_and_unsuspend_racing_on_one_seat_leave_one_consistent_outcome()
    {
        var tenant = await system.NewTenantClientAsync();
        var seatId = await SeatLifecycleTests.AddSeatAsync(tenant);
        await system.ActivateSeatAsync(seatId);
        (await tenant.ManageAsync(new { action = "suspend", user_id = seatId })).Response.EnsureSuccessStatusCode();

        // Unsuspend (suspended → pending) races against itself and against a suspend, which is illegal on both sides.
        var answers = await Task.WhenAll(
            tenant.ManageAsync(new { action = "unsuspend", user_id = seatId }),
            tenant.ManageAsync(new { action = "unsuspend", user_id = seatId }),
            tenant.ManageAsync(new { action = "suspend", user_id = seatId }),
            tenant.ManageAsync(new { action = "unsuspend", user_id = seatId }));

        answers.Count(a => a.Response.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        answers.Count(a => a.Response.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        answers.Where(a => a.Response.StatusCode == HttpStatusCode.Conflict)
            .ShouldAllBe(a => a.Response.Content.Headers.ContentType!.MediaType == "application/problem+json");
        (await SeatEventCountAsync(seatId, "seat_unsuspended")).ShouldBe(1L);
        (await StatusAsync(tenant)).ShouldBe("pending");
    }

    private Task<long> SeatEventCountAsync(string seatId, string type) =>
        system.QueryAsync<long>("seatsdb", "SELECT count(*) FROM events WHERE stream_id = $1 AND type = $2", seatId, type);

    private static async Task<string> OnlySeatIdAsync(HttpClient tenant) =>
        (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users").EnumerateArray().Single().GetProperty("id").GetString()!;

    private static async Task<string> StatusAsync(HttpClient tenant) =>
        (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users").EnumerateArray().Single().GetProperty("status").GetString()!;
}
