using System.Net;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Invitations;

[Collection(InvitationSandboxGroup.Name)]
public sealed class WithdrawInvitationTests(InvitationSandbox sandbox)
{
    [Fact]
    public async Task A_withdrawn_invitation_leaves_the_sent_list_and_cannot_be_resent_until_the_cooldown_ends()
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());
        var person = InvitationCalls.Person();
        var invitationId = (await client.LookUpAndInviteAsync(sender, person)).Str("invitation_id");
        var withdrawnAt = DateTime.UtcNow;

        var withdrawn = await client.WithdrawAsync(sender, invitationId);
        var tooSoon = await client.LookUpAndInviteAsync(sender, person);

        withdrawn.Status.ShouldBe(HttpStatusCode.OK);
        withdrawn.Str("object").ShouldBe("InvitationCancelled");
        withdrawn.Str("invitation_id").ShouldBe(invitationId);
        withdrawn.Body.EnumerateObject().Count().ShouldBe(2);
        (await client.SentAsync(sender)).Body.GetProperty("items").GetArrayLength().ShouldBe(0);
        tooSoon.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        tooSoon.ErrorType.ShouldBe("errors/cannot_resend_yet");

        var wait = withdrawnAt + InvitationSandbox.ResendCooldown + TimeSpan.FromMilliseconds(300) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);
        (await client.LookUpAndInviteAsync(sender, person)).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_invitation_already_withdrawn_or_never_sent_or_another_members_is_not_found()
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());
        var (other, _) = await client.ConnectedAsync(InvitationCalls.Member());
        var invitationId = (await client.LookUpAndInviteAsync(sender, InvitationCalls.Person())).Str("invitation_id");

        var byAnotherMember = await client.WithdrawAsync(other, invitationId);
        (await client.WithdrawAsync(sender, invitationId)).Status.ShouldBe(HttpStatusCode.OK);
        var twice = await client.WithdrawAsync(sender, invitationId);
        var unknown = await client.WithdrawAsync(sender, "7000000000000000000");

        foreach (var refused in new[] { byAnotherMember, twice, unknown })
        {
            refused.Status.ShouldBe(HttpStatusCode.NotFound);
            refused.ErrorType.ShouldBe("errors/resource_not_found");
        }
    }
}
