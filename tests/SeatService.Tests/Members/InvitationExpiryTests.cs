using System.Net;
using Shouldly;

namespace Outreach.SeatService.Tests.Members;

/// <summary>
/// Invitations expire: 7 days by default (Members:InvitationLifetime), or after seed 001's expires_in seconds, which
/// lets this test see an expiry without waiting a week.
/// </summary>
[Collection(SeatServiceSuite.Name)]
public sealed class InvitationExpiryTests(SeatServiceFixture system)
{
    [Fact]
    public async Task An_invitation_past_its_lifetime_lists_as_expired_in_both_apis_and_can_be_replaced()
    {
        var account = await MemberAccount.CreateAsync(system);
        (await account.Admin.PostJsonAsync("/user-management/invitations/", new { email = "max@acme.io", expires_in = 1 }))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        await account.Workspace.PostJsonAsync("/v1/workspace/invitations", new { email = "john@acme.io", accountType = "ADMIN" });

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var invited = (await account.Workspace.GetJsonAsync("/v1/workspace/users")).Body.GetProperty("invitedUsers").EnumerateArray()
            .ToDictionary(i => i.GetProperty("email").GetString()!, i => i.GetProperty("inviteStatus").GetString());
        invited.ShouldBe(new Dictionary<string, string?> { ["max@acme.io"] = "EXPIRED", ["john@acme.io"] = "ACTIVE" });
        var listed = (await account.Admin.GetJsonAsync("/user-management/invitations/")).Body.GetProperty("invitations");
        listed.EnumerateArray().Single(i => i.GetProperty("email").GetString() == "max@acme.io").GetProperty("invite_status").GetString()
            .ShouldBe("EXPIRED");
        var status = (await account.Admin.GetJsonAsync("/user-management/organization/status")).Body;
        status.GetProperty("expired_invitation_count").GetInt32().ShouldBe(1);
        status.GetProperty("active_invitation_count").GetInt32().ShouldBe(1);

        (await account.Workspace.PostJsonAsync("/v1/workspace/invitations", new { email = "max@acme.io", accountType = "DEVELOPER" }))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var renewed = (await account.Workspace.GetJsonAsync("/v1/workspace/users")).Body.GetProperty("invitedUsers").EnumerateArray()
            .Where(i => i.GetProperty("email").GetString() == "max@acme.io").ShouldHaveSingleItem();
        renewed.GetProperty("inviteStatus").GetString().ShouldBe("ACTIVE");
        renewed.GetProperty("accountType").GetString().ShouldBe("DEVELOPER");
    }
}
