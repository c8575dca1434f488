using System.Net;
using Shouldly;

namespace Outreach.SeatService.Tests.Members;

/// <summary>Seed 002 over REST with X-API-KEY (key id) and X-API-SECRET: listUsers, inviteUser, updateUserAccountType, disableUser.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed class WorkspaceUsersTests(SeatServiceFixture system)
{
    private const string Users = "/v1/workspace/users";
    private const string Invitations = "/v1/workspace/invitations";

    [Fact]
    public async Task ListUsers_has_the_documented_shape_with_active_and_invited_users()
    {
        var account = await MemberAccount.CreateAsync(system);
        var uid = await account.CreateUserAsync("alexandra@acme.io", "Alexandra James");
        await account.Workspace.PutJsonAsync($"{Users}/{uid}/account-type", new { accountType = "ADMIN" });
        await account.Workspace.PostJsonAsync(Invitations, new { email = "john@acme.io", accountType = "ADMIN" });

        var (listed, body) = await account.Workspace.GetJsonAsync(Users);
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["ok", "activeUsers", "invitedUsers"]);
        body.GetProperty("ok").GetBoolean().ShouldBeTrue();
        var active = body.GetProperty("activeUsers").EnumerateArray().ShouldHaveSingleItem();
        active.EnumerateObject().Select(p => p.Name).ShouldBe(["uid", "email", "name", "accountType"]);
        active.GetProperty("uid").GetString().ShouldBe(uid);
        active.GetProperty("email").GetString().ShouldBe("alexandra@acme.io");
        active.GetProperty("name").GetString().ShouldBe("Alexandra James");
        active.GetProperty("accountType").GetString().ShouldBe("ADMIN");
        var invited = body.GetProperty("invitedUsers").EnumerateArray().ShouldHaveSingleItem();
        invited.EnumerateObject().Select(p => p.Name).ShouldBe(["email", "accountType", "inviteStatus"]);
        invited.GetProperty("email").GetString().ShouldBe("john@acme.io");
        invited.GetProperty("accountType").GetString().ShouldBe("ADMIN");
        invited.GetProperty("inviteStatus").GetString().ShouldBe("ACTIVE");
    }

    [Fact]
    public async Task InviteUser_with_the_documented_variables_answers_201_ok_and_shows_in_seed_001s_invitations()
    {
        var account = await MemberAccount.CreateAsync(system);
        var (invited, body) = await account.Workspace.PostJsonAsync(Invitations, new { email = "alice@acme.io", accountType = "DEVELOPER" });

        invited.StatusCode.ShouldBe(HttpStatusCode.Created);
        body.GetProperty("ok").GetBoolean().ShouldBeTrue();
        var listed = (await account.Admin.GetJsonAsync("/user-management/invitations/")).Body.GetProperty("invitations").EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("email").GetString().ShouldBe("alice@acme.io");
        listed.GetProperty("account_type").GetString().ShouldBe("DEVELOPER");
    }

    [Theory]
    [InlineData("""{"email":"alice@acme.io","accountType":"OWNER"}""", "accountType")]
    [InlineData("""{"email":"alice@acme.io","accountType":"developer"}""", "accountType")]
    [InlineData("""{"email":"alice@acme.io"}""", "accountType")]
    [InlineData("""{"email":"alice.acme.io","accountType":"ADMIN"}""", "email")]
    public async Task Invalid_invitations_name_the_field_and_nothing_is_stored(string json, string field)
    {
        var account = await MemberAccount.CreateAsync(system);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await account.Workspace.PostAsync(Invitations, content);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.ErrorFields().ShouldBe([field]);
        (await account.Workspace.GetJsonAsync(Users)).Body.GetProperty("invitedUsers").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task UpdateUserAccountType_is_visible_in_listUsers_and_a_bad_type_changes_nothing()
    {
        var account = await MemberAccount.CreateAsync(system);
        var uid = await account.CreateUserAsync("matt@acme.io", "Matt McDonald");

        var (updated, body) = await account.Workspace.PutJsonAsync($"{Users}/{uid}/account-type", new { accountType = "ADMIN" });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("ok").GetBoolean().ShouldBeTrue();
        (await AccountTypeOf(account, uid)).ShouldBe("ADMIN");

        await account.Workspace.PutJsonAsync($"{Users}/{uid}/account-type", new { accountType = "DEVELOPER" });
        (await AccountTypeOf(account, uid)).ShouldBe("DEVELOPER");

        var (refused, problem) = await account.Workspace.PutJsonAsync($"{Users}/{uid}/account-type", new { accountType = "ROOT" });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.ErrorFields().ShouldBe(["accountType"]);
        (await AccountTypeOf(account, uid)).ShouldBe("DEVELOPER");
    }

    [Fact]
    public async Task DisableUser_removes_the_user_from_activeUsers_but_seed_001_still_finds_them_disabled()
    {
        var account = await MemberAccount.CreateAsync(system);
        var staying = await account.CreateUserAsync("jonny@acme.io", "Jonathan Maxwell");
        var leaving = await account.CreateUserAsync("matt@acme.io", "Matt McDonald");

        var (disabled, body) = await account.Workspace.PostEmptyAsync($"{Users}/{leaving}/disable");
        disabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("ok").GetBoolean().ShouldBeTrue();

        (await account.Workspace.GetJsonAsync(Users)).Body.GetProperty("activeUsers").Names("uid").ShouldBe([staying]);
        (await account.Admin.GetJsonAsync($"/user-management/users/{leaving}")).Body.GetProperty("userData").GetProperty("status").GetString()
            .ShouldBe("disabled");
        (await account.Workspace.PostEmptyAsync($"{Users}/{leaving}/disable")).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await account.Workspace.PutJsonAsync($"{Users}/{leaving}/account-type", new { accountType = "ADMIN" })).Response.StatusCode
            .ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_disabled_users_email_is_free_for_a_new_member()
    {
        var account = await MemberAccount.CreateAsync(system);
        var uid = await account.CreateUserAsync("reuse@acme.io");
        await account.Workspace.PostEmptyAsync($"{Users}/{uid}/disable");
        (await account.Workspace.PostJsonAsync(Invitations, new { email = "reuse@acme.io", accountType = "DEVELOPER" })).Response.StatusCode
            .ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Unknown_uids_are_not_found()
    {
        var account = await MemberAccount.CreateAsync(system);
        const string documented = "c24d93ba3f6e743bf97a7b5b48c2b7931f6d57d022501cdb2fb983264efc0c29";
        (await account.Workspace.PostEmptyAsync($"{Users}/{documented}/disable")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await account.Workspace.PutJsonAsync($"{Users}/MYmC7MzsPBNU6uSQBnJ0/account-type", new { accountType = "ADMIN" })).Response.StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<string> AccountTypeOf(MemberAccount account, string uid) =>
        (await account.Workspace.GetJsonAsync(Users)).Body.GetProperty("activeUsers").EnumerateArray()
            .Single(u => u.GetProperty("uid").GetString() == uid).GetProperty("accountType").GetString()!;
}
