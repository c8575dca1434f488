using System.Net;
using Shouldly;

namespace Outreach.SeatService.Tests.Seats;

[Collection(SeatServiceSuite.Name)]
public sealed class SeatLifecycleTests(SeatServiceFixture system)
{
    [Fact]
    public async Task Add_returns_a_connect_url_and_the_seat_is_listed_pending_with_the_documented_fields()
    {
        var tenant = await system.NewTenantClientAsync();
        var (added, body) = await tenant.ManageAsync(new { action = "add" });
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("success").GetBoolean().ShouldBeTrue();
        body.GetProperty("connect_url").GetString()!.ShouldContain("/c/ct_");

        var (_, list) = await tenant.GetJsonAsync("/user-list");
        var user = list.GetProperty("users").EnumerateArray().ShouldHaveSingleItem();
        user.GetProperty("id").GetString()!.ShouldStartWith("usr_");
        user.GetProperty("status").GetString().ShouldBe("pending");
        user.GetProperty("daily_limit").GetInt32().ShouldBe(25);
        user.GetProperty("daily_sent_count").GetInt32().ShouldBe(0);
        user.GetProperty("linkedin_url").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        user.GetProperty("linkedin_name").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task The_status_filter_selects_and_a_bad_status_is_refused_naming_the_field()
    {
        var tenant = await system.NewTenantClientAsync();
        await tenant.ManageAsync(new { action = "add" });

        (await tenant.GetJsonAsync("/user-list?status=pending")).Body.GetProperty("users").GetArrayLength().ShouldBe(1);
        (await tenant.GetJsonAsync("/user-list?status=active")).Body.GetProperty("users").GetArrayLength().ShouldBe(0);

        var (bad, problem) = await tenant.GetJsonAsync("/user-list?status=sleeping");
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_pending_seat_cannot_be_suspended_or_unsuspended()
    {
        var tenant = await system.NewTenantClientAsync();
        var seatId = await AddSeatAsync(tenant);
        (await tenant.ManageAsync(new { action = "suspend", user_id = seatId })).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await tenant.ManageAsync(new { action = "unsuspend", user_id = seatId })).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Disconnect_deletes_the_seat_from_every_list_and_further_actions_conflict()
    {
        var tenant = await system.NewTenantClientAsync();
        var seatId = await AddSeatAsync(tenant);

        var (disconnected, body) = await tenant.ManageAsync(new { action = "disconnect", user_id = seatId });
        disconnected.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("user_id").GetString().ShouldBe(seatId);
        body.GetProperty("status").GetString().ShouldBe("disconnected");

        (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(0);
        (await tenant.GetJsonAsync("/user-list?status=disconnected")).Body.GetProperty("users").GetArrayLength().ShouldBe(0);
        (await tenant.ManageAsync(new { action = "disconnect", user_id = seatId })).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await tenant.ManageAsync(new { action = "suspend", user_id = seatId })).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_tenants_seat_is_not_found_and_not_listed()
    {
        var owner = await system.NewTenantClientAsync();
        var stranger = await system.NewTenantClientAsync();
        var seatId = await AddSeatAsync(owner);

        foreach (var action in new[] { "suspend", "unsuspend", "disconnect" })
            (await stranger.ManageAsync(new { action, user_id = seatId })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(0);
        (await owner.GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Bad_requests_name_the_field_and_store_nothing()
    {
        var tenant = await system.NewTenantClientAsync();

        var (unknown, problem) = await tenant.ManageAsync(new { action = "explode" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors").TryGetProperty("action", out _).ShouldBeTrue();

        var (missingId, idProblem) = await tenant.ManageAsync(new { action = "suspend" });
        missingId.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        idProblem.GetProperty("errors").TryGetProperty("user_id", out _).ShouldBeTrue();

        var (badLimit, limitProblem) = await tenant.ManageAsync(new { action = "add", daily_limit = 1000 });
        badLimit.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        limitProblem.GetProperty("errors").TryGetProperty("daily_limit", out _).ShouldBeTrue();

        using var malformed = new StringContent("{\"action\": \"add\"", System.Text.Encoding.UTF8, "application/json");
        var broken = await tenant.PostAsync("/functions/v1/api-user-management", malformed);
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        broken.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_daily_limit_can_be_set_per_seat()
    {
        var tenant = await system.NewTenantClientAsync();
        var seatId = await AddSeatAsync(tenant);
        var (set, body) = await tenant.ManageAsync(new { action = "set_daily_limit", user_id = seatId, daily_limit = 40 });
        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("daily_limit").GetInt32().ShouldBe(40);
        var user = (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users")[0];
        user.GetProperty("daily_limit").GetInt32().ShouldBe(40);
    }

    [Fact]
    public async Task The_connect_link_resolves_to_a_page_naming_the_inviting_account()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync("Globex Outreach"));
        var tenant = system.ClientFor(key);
        var connectUrl = (await tenant.ManageAsync(new { action = "add" })).Body.GetProperty("connect_url").GetString()!;

        var page = await system.Anonymous().GetAsync(new Uri(connectUrl).PathAndQuery);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Globex Outreach");

        (await system.Anonymous().GetAsync("/c/ct_notarealtoken")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    internal static async Task<string> AddSeatAsync(HttpClient tenant)
    {
        var (response, _) = await tenant.ManageAsync(new { action = "add" });
        response.EnsureSuccessStatusCode();
        var users = (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users");
        return users[users.GetArrayLength() - 1].GetProperty("id").GetString()!;
    }
}
