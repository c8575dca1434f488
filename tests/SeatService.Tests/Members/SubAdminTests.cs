using System.Net;
using Shouldly;

namespace Outreach.SeatService.Tests.Members;

/// <summary>Seed 001's sub-admins (list, add, remove) and organisation status. A sub-admin is a member of type ADMIN.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed class SubAdminTests(SeatServiceFixture system)
{
    private const string SubAdmins = "/user-management/sub-admins/";

    [Fact]
    public async Task Adding_and_removing_a_sub_admin_changes_the_list_and_the_users_account_type_in_both_apis()
    {
        var account = await MemberAccount.CreateAsync(system);
        var uid = await account.CreateUserAsync("deputy@example.com", "Deputy");
        await account.CreateUserAsync("dev@example.com", "Dev");

        var (added, body) = await account.Admin.PostJsonAsync(SubAdmins, new { user_uid = uid });
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("userData").GetProperty("account_type").GetString().ShouldBe("ADMIN");
        (await account.Admin.GetJsonAsync(SubAdmins)).Body.GetProperty("sub_admins").Names("user_uid").ShouldBe([uid]);
        var active = (await account.Workspace.GetJsonAsync("/v1/workspace/users")).Body.GetProperty("activeUsers");
        active.EnumerateArray().Single(u => u.GetProperty("uid").GetString() == uid).GetProperty("accountType").GetString().ShouldBe("ADMIN");

        var (removed, _) = await account.Admin.DeleteJsonAsync(SubAdmins, new { user_uid = uid });
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await account.Admin.GetJsonAsync(SubAdmins)).Body.GetProperty("sub_admins").GetArrayLength().ShouldBe(0);
        (await account.Admin.GetJsonAsync($"/user-management/users/{uid}")).Body.GetProperty("userData").GetProperty("account_type").GetString()
            .ShouldBe("DEVELOPER");
        (await account.Admin.DeleteJsonAsync(SubAdmins, new { user_uid = uid })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Adding_without_a_uid_names_the_field_and_an_unknown_uid_is_not_found()
    {
        var account = await MemberAccount.CreateAsync(system);
        var (refused, problem) = await account.Admin.PostJsonAsync(SubAdmins, new { });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.ErrorFields().ShouldBe(["user_uid"]);
        (await account.Admin.PostJsonAsync(SubAdmins, new { user_uid = "MYmC7MzsPBNU6uSQBnJ0" })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Organisation_status_names_the_account_and_counts_its_members_and_invitations()
    {
        var account = await MemberAccount.CreateAsync(system);
        var admin = await account.CreateUserAsync("a@example.com");
        await account.CreateUserAsync("b@example.com");
        var disabled = await account.CreateUserAsync("c@example.com");
        await account.Admin.PostJsonAsync(SubAdmins, new { user_uid = admin });
        await account.Workspace.PostEmptyAsync($"/v1/workspace/users/{disabled}/disable");
        await account.Admin.PostJsonAsync("/user-management/invitations/", new { email = "d@example.com" });

        var (status, body) = await account.Admin.GetJsonAsync("/user-management/organization/status");
        status.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("account_id").GetString().ShouldBe(account.Key.AccountId);
        body.GetProperty("name").GetString().ShouldBe("Acme Members");
        body.GetProperty("key_id").GetString().ShouldBe(account.Key.KeyId);
        body.GetProperty("role").GetString().ShouldBe("ADMIN");
        body.GetProperty("user_count").GetInt32().ShouldBe(3);
        body.GetProperty("active_user_count").GetInt32().ShouldBe(2);
        body.GetProperty("disabled_user_count").GetInt32().ShouldBe(1);
        body.GetProperty("sub_admin_count").GetInt32().ShouldBe(1);
        body.GetProperty("developer_count").GetInt32().ShouldBe(1);
        body.GetProperty("active_invitation_count").GetInt32().ShouldBe(1);
        body.GetProperty("expired_invitation_count").GetInt32().ShouldBe(0);
    }
}
