using System.Net;
using System.Text.Json;
using Shouldly;

namespace Outreach.SeatService.Tests.Members;

/// <summary>Seed 001's list: query_count, users, first_uid, last_uid; start_after_id, end_before_id and limit.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed class ListUsersPaginationTests(SeatServiceFixture system)
{
    private const string List = "/user-management/users/";

    [Fact]
    public async Task The_default_page_holds_five_users_in_uid_order_with_the_documented_fields()
    {
        var (account, uids) = await AccountWithUsersAsync(7);

        var (listed, body) = await account.Admin.GetJsonAsync(List);
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("query_count").GetInt32().ShouldBe(7);
        var users = body.GetProperty("users");
        users.Names("user_uid").ShouldBe(uids.Take(5));
        body.GetProperty("first_uid").GetString().ShouldBe(uids[0]);
        body.GetProperty("last_uid").GetString().ShouldBe(uids[4]);
        var first = users[0];
        foreach (var field in new[] { "user_uid", "email", "display_name", "phone" })
            first.TryGetProperty(field, out _).ShouldBeTrue(field);
    }

    [Fact]
    public async Task Start_after_id_pages_forward_to_the_end_and_end_before_id_pages_back()
    {
        var (account, uids) = await AccountWithUsersAsync(7);

        var second = (await account.Admin.GetJsonAsync($"{List}?start_after_id={uids[4]}&limit=5")).Body;
        second.GetProperty("users").Names("user_uid").ShouldBe(uids.Skip(5));
        second.GetProperty("first_uid").GetString().ShouldBe(uids[5]);
        second.GetProperty("last_uid").GetString().ShouldBe(uids[6]);
        second.GetProperty("query_count").GetInt32().ShouldBe(7);

        var past = (await account.Admin.GetJsonAsync($"{List}?start_after_id={uids[6]}")).Body;
        past.GetProperty("users").GetArrayLength().ShouldBe(0);
        past.GetProperty("first_uid").ValueKind.ShouldBe(JsonValueKind.Null);
        past.GetProperty("last_uid").ValueKind.ShouldBe(JsonValueKind.Null);

        var back = (await account.Admin.GetJsonAsync($"{List}?end_before_id={uids[5]}&limit=2")).Body;
        back.GetProperty("users").Names("user_uid").ShouldBe([uids[3], uids[4]]);
        back.GetProperty("first_uid").GetString().ShouldBe(uids[3]);
        back.GetProperty("last_uid").GetString().ShouldBe(uids[4]);

        var start = (await account.Admin.GetJsonAsync($"{List}?end_before_id={uids[2]}&limit=5")).Body;
        start.GetProperty("users").Names("user_uid").ShouldBe([uids[0], uids[1]]);
    }

    [Fact]
    public async Task Limit_one_and_limit_one_hundred_are_accepted()
    {
        var (account, uids) = await AccountWithUsersAsync(3);
        (await account.Admin.GetJsonAsync($"{List}?limit=1")).Body.GetProperty("users").Names("user_uid").ShouldBe([uids[0]]);
        (await account.Admin.GetJsonAsync($"{List}?limit=100")).Body.GetProperty("users").Names("user_uid").ShouldBe(uids);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=five", "limit")]
    [InlineData("start_after_id=short", "start_after_id")]
    [InlineData("end_before_id=has-a-dash-in-it-here", "end_before_id")]
    public async Task Out_of_range_limits_and_malformed_cursors_are_refused_naming_the_parameter(string query, string field)
    {
        var account = await MemberAccount.CreateAsync(system);
        var (refused, problem) = await account.Admin.GetJsonAsync($"{List}?{query}");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.ErrorFields().ShouldBe([field]);
    }

    [Fact]
    public async Task Both_cursors_at_once_are_a_400()
    {
        var (account, uids) = await AccountWithUsersAsync(2);
        var (refused, problem) = await account.Admin.GetJsonAsync($"{List}?start_after_id={uids[0]}&end_before_id={uids[1]}");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.ErrorFields().ShouldBe(["end_before_id"]);
    }

    [Fact]
    public async Task The_list_answers_without_the_trailing_slash_too()
    {
        var (account, _) = await AccountWithUsersAsync(1);
        (await account.Admin.GetJsonAsync("/user-management/users")).Body.GetProperty("query_count").GetInt32().ShouldBe(1);
    }

    private async Task<(MemberAccount Account, List<string> SortedUids)> AccountWithUsersAsync(int count)
    {
        var account = await MemberAccount.CreateAsync(system);
        var uids = new List<string>();
        for (var i = 0; i < count; i++)
            uids.Add(await account.CreateUserAsync($"user{i}@example.com", $"User {i}"));
        uids.Sort(StringComparer.Ordinal);
        return (account, uids);
    }
}
