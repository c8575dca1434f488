using System.Net;
using Shouldly;

namespace Outreach.SeatService.Tests.Seats;

/// <summary>A connect link is a single-use token URL that expires, and a newer link invalidates the older one.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed class ConnectLinkTests(SeatServiceFixture system)
{
    [Fact]
    public async Task An_expired_link_answers_410_and_says_it_expired()
    {
        var tenant = await system.NewTenantClientAsync();
        var seatId = await SeatLifecycleTests.AddSeatAsync(tenant);
        var expired = await system.IssueConnectLinkAsync(seatId, DateTimeOffset.UtcNow.AddMinutes(-1));

        var page = await system.Anonymous().GetAsync(expired);

        page.StatusCode.ShouldBe(HttpStatusCode.Gone);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("expired");
    }

    [Fact]
    public async Task A_link_issued_by_add_is_valid_for_seven_days_by_default()
    {
        var tenant = await system.NewTenantClientAsync();
        var (_, body) = await tenant.ManageAsync(new { action = "add" });
        var seatId = (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users")[0].GetProperty("id").GetString()!;

        var expiresAt = await system.QueryAsync<DateTime>("seatsdb",
            "SELECT expires_at FROM connect_links WHERE seat_id = $1 AND superseded_at IS NULL", seatId);
        (expiresAt - DateTime.UtcNow).TotalDays.ShouldBeInRange(6.99, 7.0);
        (await system.Anonymous().GetAsync(new Uri(body.GetProperty("connect_url").GetString()!).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_newer_link_supersedes_the_older_one_and_malformed_tokens_are_not_found()
    {
        var tenant = await system.NewTenantClientAsync();
        var (_, body) = await tenant.ManageAsync(new { action = "add" });
        var first = new Uri(body.GetProperty("connect_url").GetString()!).PathAndQuery;
        var seatId = (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users")[0].GetProperty("id").GetString()!;
        var second = await system.IssueConnectLinkAsync(seatId, DateTimeOffset.UtcNow.AddDays(7));

        (await system.Anonymous().GetAsync(first)).StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await system.Anonymous().GetAsync(second)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var bad in new[] { "/c/abc", "/c/ct_" + new string('x', 200), "/c/%27%20OR%201%3D1" })
            (await system.Anonymous().GetAsync(bad)).StatusCode.ShouldBe(HttpStatusCode.NotFound, bad);
    }
}
