using System.Diagnostics;
using System.Net;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Faults;

/// <summary>A sandbox of its own, since faults are global: a 500 ms hang, so the 504 comes back quickly.</summary>
public sealed class AcceptThenTimeoutSandbox() : SandboxFixture(new Dictionary<string, string>
{
    ["TimeoutFaultMs"] = "500",
    ["AcceptanceRate"] = "0",
});

public sealed class AcceptThenTimeoutTests(AcceptThenTimeoutSandbox sandbox) : IClassFixture<AcceptThenTimeoutSandbox>
{
    [Fact]
    public async Task Under_accept_then_timeout_the_invitation_is_recorded_but_the_client_gets_a_504_after_the_hang()
    {
        using var client = new SandboxClient(sandbox.Process.CreateClient(apiKey: null));
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());
        var person = InvitationCalls.Person();
        var providerId = await client.ProviderIdAsync(sender, person);

        var set = await client.SetFaultAsync("accept_then_timeout");
        Reply timedOut;
        var clock = Stopwatch.StartNew();
        try
        {
            timedOut = await client.InviteAsync(sender, providerId, "Hi");
        }
        finally
        {
            await client.SetFaultAsync("none");
        }

        clock.Stop();
        set.Str("mode").ShouldBe("accept_then_timeout");
        timedOut.Status.ShouldBe(HttpStatusCode.GatewayTimeout);
        timedOut.ErrorType.ShouldBe("errors/request_timeout");
        timedOut.Has("invitation_id").ShouldBeFalse();
        timedOut.ContentType.ShouldBe("application/problem+json");
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(490));
        var item = (await client.SentAsync(sender)).Body.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("invited_user_public_id").GetString().ShouldBe(person);
        item.GetProperty("invitation_text").GetString().ShouldBe("Hi");
        // The client's retry hears that the first attempt went through.
        (await client.InviteAsync(sender, providerId, "Hi")).ErrorType.ShouldBe("errors/already_invited_recently");
    }
}
