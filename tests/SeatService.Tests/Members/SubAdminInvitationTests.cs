using System.Net;
using System.Text.Json;
using Shouldly;

namespace Outreach.SeatService.Tests.Members;

/// <summary>Seed 001's sub-admin invitations: list, create (email, optional platform link) → invite_token, remove.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed class SubAdminInvitationTests(SeatServiceFixture system)
{
    private const string Invitations = "/user-management/invitations/";

    [Fact]
    public async Task Creating_an_invitation_returns_its_invite_token_and_it_is_listed_as_a_pending_sub_admin_invitation()
    {
        var account = await MemberAccount.CreateAsync(system);
        var (created, body) = await account.Admin.PostJsonAsync(Invitations,
            new { email = "deputy@example.com", platform_link = "https://app.example.com/join" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = body.GetProperty("invite_token").GetString()!;
        token.ShouldStartWith("inv_");
        body.GetProperty("email").GetString().ShouldBe("deputy@example.com");
        body.GetProperty("account_type").GetString().ShouldBe("ADMIN");
        body.GetProperty("invite_status").GetString().ShouldBe("ACTIVE");
        var expiresIn = body.GetProperty("expires_at").GetDateTimeOffset() - body.GetProperty("invited_at").GetDateTimeOffset();
        expiresIn.ShouldBe(TimeSpan.FromDays(7));

        var listed = (await account.Admin.GetJsonAsync(Invitations)).Body.GetProperty("invitations").EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("invite_token").GetString().ShouldBe(token);
        listed.GetProperty("email").GetString().ShouldBe("deputy@example.com");
        listed.GetProperty("invite_status").GetString().ShouldBe("ACTIVE");
        listed.GetProperty("platform_link").GetString().ShouldBe("https://app.example.com/join");
        listed.GetProperty("invited_by").GetProperty("key_id").GetString().ShouldBe(account.Key.KeyId);
    }

    [Fact]
    public async Task The_platform_link_is_optional()
    {
        var account = await MemberAccount.CreateAsync(system);
        var (created, body) = await account.Admin.PostJsonAsync(Invitations, new { email = "nolink@example.com" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        body.GetProperty("platform_link").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Removing_by_invite_token_takes_it_off_both_lists_and_a_second_removal_is_not_found()
    {
        var account = await MemberAccount.CreateAsync(system);
        var token = (await account.Admin.PostJsonAsync(Invitations, new { email = "gone@example.com" })).Body.GetProperty("invite_token").GetString();

        var (removed, body) = await account.Admin.DeleteJsonAsync(Invitations, new { invite_token = token });
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("invite_token").GetString().ShouldBe(token);

        (await account.Admin.GetJsonAsync(Invitations)).Body.GetProperty("invitations").GetArrayLength().ShouldBe(0);
        (await account.Workspace.GetJsonAsync("/v1/workspace/users")).Body.GetProperty("invitedUsers").GetArrayLength().ShouldBe(0);
        (await account.Admin.DeleteJsonAsync(Invitations, new { invite_token = token })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await account.Admin.DeleteJsonAsync(Invitations, new { invite_token = "inv_nope" })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"email":"bad"}""", "email")]
    [InlineData("""{"email":"ok@example.com","platform_link":"ftp://example.com"}""", "platform_link")]
    [InlineData("""{"email":"ok@example.com","platform_link":"not a url"}""", "platform_link")]
    [InlineData("""{"email":"ok@example.com","account_type":"OWNER"}""", "account_type")]
    [InlineData("""{"email":"ok@example.com","expires_in":0}""", "expires_in")]
    public async Task Invalid_invitations_name_the_field_and_are_not_stored(string json, string field)
    {
        var account = await MemberAccount.CreateAsync(system);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await account.Admin.PostAsync(Invitations, content);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.ErrorFields().ShouldBe([field]);
        (await account.Admin.GetJsonAsync(Invitations)).Body.GetProperty("invitations").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_removal_without_a_token_names_the_field()
    {
        var account = await MemberAccount.CreateAsync(system);
        var (refused, problem) = await account.Admin.DeleteJsonAsync(Invitations, new { });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.ErrorFields().ShouldBe(["invite_token"]);
    }

    [Fact]
    public async Task Inviting_an_open_invitations_email_or_an_active_members_email_conflicts()
    {
        var account = await MemberAccount.CreateAsync(system);
        await account.Admin.PostJsonAsync(Invitations, new { email = "once@example.com" });
        (await account.Admin.PostJsonAsync(Invitations, new { email = "ONCE@example.com" })).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await account.CreateUserAsync("member@example.com");
        (await account.Admin.PostJsonAsync(Invitations, new { email = "member@example.com" })).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await account.Admin.GetJsonAsync(Invitations)).Body.GetProperty("invitations").GetArrayLength().ShouldBe(1);
    }
}
