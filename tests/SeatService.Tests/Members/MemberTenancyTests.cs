using System.Net;
using Shouldly;

namespace Outreach.SeatService.Tests.Members;

/// <summary>Every member route against a key of another account: ids are "not found", lists are empty, nothing changes.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed class MemberTenancyTests(SeatServiceFixture system)
{
    [Fact]
    public async Task Another_accounts_key_finds_none_of_the_members_or_invitations_and_changes_nothing()
    {
        var owner = await MemberAccount.CreateAsync(system);
        var stranger = await MemberAccount.CreateAsync(system);
        var uid = await owner.CreateUserAsync("private@acme.io", "Private");
        await owner.Admin.PostJsonAsync("/user-management/sub-admins/", new { user_uid = uid });
        var token = (await owner.Admin.PostJsonAsync("/user-management/invitations/", new { email = "invitee@acme.io" }))
            .Body.GetProperty("invite_token").GetString();

        var attempts = new (string Route, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("GET user", async () => (await stranger.Admin.GetJsonAsync($"/user-management/users/{uid}")).Response),
            ("PUT user", async () => (await stranger.Admin.PutJsonAsync("/user-management/users/", new { user_uid = uid, display_name = "Taken" })).Response),
            ("DELETE user", async () => (await stranger.Admin.DeleteJsonAsync("/user-management/users/", new { user_uid = uid })).Response),
            ("POST sub-admin", async () => (await stranger.Admin.PostJsonAsync("/user-management/sub-admins/", new { user_uid = uid })).Response),
            ("DELETE sub-admin", async () => (await stranger.Admin.DeleteJsonAsync("/user-management/sub-admins/", new { user_uid = uid })).Response),
            ("DELETE invitation", async () => (await stranger.Admin.DeleteJsonAsync("/user-management/invitations/", new { invite_token = token })).Response),
            ("PUT account-type", async () => (await stranger.Workspace.PutJsonAsync($"/v1/workspace/users/{uid}/account-type", new { accountType = "DEVELOPER" })).Response),
            ("POST disable", async () => (await stranger.Workspace.PostEmptyAsync($"/v1/workspace/users/{uid}/disable")).Response),
        };
        foreach (var (route, call) in attempts)
            (await call()).StatusCode.ShouldBe(HttpStatusCode.NotFound, route);

        (await stranger.Admin.GetJsonAsync("/user-management/users/")).Body.GetProperty("query_count").GetInt32().ShouldBe(0);
        (await stranger.Admin.GetJsonAsync("/user-management/sub-admins/")).Body.GetProperty("sub_admins").GetArrayLength().ShouldBe(0);
        (await stranger.Admin.GetJsonAsync("/user-management/invitations/")).Body.GetProperty("invitations").GetArrayLength().ShouldBe(0);
        var strangerWorkspace = (await stranger.Workspace.GetJsonAsync("/v1/workspace/users")).Body;
        strangerWorkspace.GetProperty("activeUsers").GetArrayLength().ShouldBe(0);
        strangerWorkspace.GetProperty("invitedUsers").GetArrayLength().ShouldBe(0);
        (await stranger.Admin.GetJsonAsync("/user-management/organization/status")).Body.GetProperty("user_count").GetInt32().ShouldBe(0);

        var data = (await owner.Admin.GetJsonAsync($"/user-management/users/{uid}")).Body.GetProperty("userData");
        data.GetProperty("display_name").GetString().ShouldBe("Private");
        data.GetProperty("account_type").GetString().ShouldBe("ADMIN");
        data.GetProperty("status").GetString().ShouldBe("active");
        (await owner.Admin.GetJsonAsync("/user-management/invitations/")).Body.GetProperty("invitations").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Member_routes_refuse_a_caller_without_a_key()
    {
        var anonymous = system.Anonymous();
        foreach (var route in new[] { "/user-management/users/", "/user-management/invitations/", "/user-management/sub-admins/",
                     "/user-management/organization/status", "/v1/workspace/users" })
            (await anonymous.GetAsync(route)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, route);
    }
}
