using System.Net;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Invitations;

/// <summary>A sandbox of its own with a daily limit of 3 (under the default weekly 200), no API key.</summary>
public sealed class DailyLimitSandbox() : SandboxFixture(new Dictionary<string, string>
{
    ["DailyInvitationLimit"] = "3",
    ["AcceptanceRate"] = "0",
});

public sealed class DailyLimitTests(DailyLimitSandbox sandbox) : IClassFixture<DailyLimitSandbox>
{
    [Fact]
    public async Task Over_the_daily_limit_a_send_is_limit_exceeded_until_the_next_utc_day_for_every_login_of_the_member()
    {
        using var client = new SandboxClient(sandbox.Process.CreateClient(apiKey: null));
        var username = InvitationCalls.Member();
        var (first, _) = await client.ConnectedAsync(username);
        for (var send = 1; send <= 3; send++)
            (await client.LookUpAndInviteAsync(first, InvitationCalls.Person())).Status.ShouldBe(HttpStatusCode.Created);
        var (second, _) = await client.ConnectedAsync(username);

        var refused = await client.LookUpAndInviteAsync(second, InvitationCalls.Person());

        refused.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.ErrorType.ShouldBe("errors/limit_exceeded");
        var untilMidnight = DateTime.UtcNow.Date.AddDays(1) - DateTime.UtcNow;
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(untilMidnight.TotalSeconds - 5, untilMidnight.TotalSeconds + 5);
        // Another member has its own limit.
        var (other, _) = await client.ConnectedAsync(InvitationCalls.Member());
        (await client.LookUpAndInviteAsync(other, InvitationCalls.Person())).Status.ShouldBe(HttpStatusCode.Created);
    }
}
