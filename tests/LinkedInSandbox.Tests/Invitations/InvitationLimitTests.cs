using System.Net;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Invitations;

[Collection(InvitationSandboxGroup.Name)]
public sealed class InvitationLimitTests(InvitationSandbox sandbox)
{
    [Fact]
    public async Task Usage_is_reported_only_by_the_sends_that_cross_50_75_90_and_95_percent_of_the_weekly_limit_over_all_logins_of_the_member()
    {
        using var client = sandbox.Client();
        var username = InvitationCalls.Member();
        var (first, _) = await client.ConnectedAsync(username);
        var (second, _) = await client.ConnectedAsync(username);

        var usages = new Dictionary<int, int>();
        for (var send = 1; send <= 20; send++)
        {
            // Alternating logins: LinkedIn counts the member, not the API session.
            var reply = await client.LookUpAndInviteAsync(send % 2 == 0 ? second : first, InvitationCalls.Person());
            reply.Status.ShouldBe(HttpStatusCode.Created, $"send {send}: {reply}");
            if (reply.Has("usage"))
                usages[send] = reply.Body.GetProperty("usage").GetInt32();
        }

        // Weekly limit 20: the 10th send is 50 %, the 15th 75 %, the 18th 90 %, the 19th 95 %; the 20th (100 %) crosses none.
        usages.ShouldBe(new Dictionary<int, int> { [10] = 50, [15] = 75, [18] = 90, [19] = 95 });
    }

    [Fact]
    public async Task Over_the_weekly_limit_a_send_is_limit_exceeded_until_the_oldest_send_is_a_week_old_and_withdrawals_do_not_give_sends_back()
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());
        var firstSend = DateTimeOffset.UtcNow;
        var firstId = (await client.LookUpAndInviteAsync(sender, InvitationCalls.Person())).Str("invitation_id");
        for (var send = 2; send <= 20; send++)
            (await client.LookUpAndInviteAsync(sender, InvitationCalls.Person())).Status.ShouldBe(HttpStatusCode.Created);
        await client.WithdrawAsync(sender, firstId);

        var refused = await client.LookUpAndInviteAsync(sender, InvitationCalls.Person());

        refused.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.ErrorType.ShouldBe("errors/limit_exceeded");
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        var expected = firstSend + TimeSpan.FromDays(7) - DateTimeOffset.UtcNow;
        retryAfter.TotalSeconds.ShouldBeInRange(expected.TotalSeconds - 30, expected.TotalSeconds + 2);
        (await client.SentAsync(sender, "limit=100")).Body.GetProperty("items").GetArrayLength().ShouldBe(19);
    }
}
