using System.Net;
using Shouldly;

namespace Outreach.SeatService.Tests.Seats;

[Collection(SeatServiceSuite.Name)]
public sealed class MigrateTests(SeatServiceFixture system)
{
    [Fact]
    public async Task Seats_move_to_another_key_of_the_same_account_with_the_documented_response()
    {
        var accountId = await system.CreateAccountAsync();
        var from = system.ClientFor(await system.IssueKeyAsync(accountId));
        var targetKey = await system.IssueKeyAsync(accountId);
        var first = await SeatLifecycleTests.AddSeatAsync(from);
        var second = await SeatLifecycleTests.AddSeatAsync(from);

        var (response, body) = await from.ManageAsync(new { action = "migrate", user_ids = new[] { first, second }, target_access_key = targetKey.AccessKey });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("success").GetBoolean().ShouldBeTrue();
        body.GetProperty("migrated").EnumerateArray().Select(e => e.GetString()).ShouldBe([first, second]);
        body.GetProperty("target_access_key").GetString().ShouldBe(targetKey.AccessKey);

        (await from.GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(0);
        var moved = (await system.ClientFor(targetKey).GetJsonAsync("/user-list")).Body.GetProperty("users");
        moved.EnumerateArray().Select(u => u.GetProperty("id").GetString()).ShouldBe([first, second], ignoreOrder: true);
    }

    [Fact]
    public async Task A_key_of_another_account_is_forbidden_and_nothing_moves()
    {
        var from = system.ClientFor(await system.IssueKeyAsync(await system.CreateAccountAsync()));
        var foreignKey = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var seat = await SeatLifecycleTests.AddSeatAsync(from);

        var (response, _) = await from.ManageAsync(new { action = "migrate", user_ids = new[] { seat }, target_access_key = foreignKey.AccessKey });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await from.GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(1);
        (await system.ClientFor(foreignKey).GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task One_unknown_or_foreign_id_rejects_the_whole_request()
    {
        var accountId = await system.CreateAccountAsync();
        var from = system.ClientFor(await system.IssueKeyAsync(accountId));
        var targetKey = await system.IssueKeyAsync(accountId);
        var stranger = await system.NewTenantClientAsync();
        var mine = await SeatLifecycleTests.AddSeatAsync(from);
        var theirs = await SeatLifecycleTests.AddSeatAsync(stranger);

        foreach (var ids in new[] { new[] { mine, theirs }, new[] { mine, "usr_doesnotexist" } })
        {
            var (response, _) = await from.ManageAsync(new { action = "migrate", user_ids = ids, target_access_key = targetKey.AccessKey });
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await from.GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(1);
        (await system.ClientFor(targetKey).GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(0);
    }
}
