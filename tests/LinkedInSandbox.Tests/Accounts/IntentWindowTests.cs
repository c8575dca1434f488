using System.Net;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Accounts;

/// <summary>A sandbox of its own with a 1-second intent window (and an in-app approval that would come too late), no API key.</summary>
public sealed class ShortIntentSandbox() : SandboxFixture(new Dictionary<string, string>
{
    ["IntentWindowSeconds"] = "1",
    ["InAppApprovalDelayMs"] = "5000",
});

public sealed class IntentWindowTests(ShortIntentSandbox sandbox) : IClassFixture<ShortIntentSandbox>
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_checkpoint_solved_after_the_intent_window_is_expired_even_with_the_right_code()
    {
        using var client = new SandboxClient(sandbox.Process.CreateClient(apiKey: null));
        var accountId = (await client.ConnectAsync("late+2fa@example.com")).Str("account_id");
        await Task.Delay(Window + TimeSpan.FromMilliseconds(300));

        var expired = await client.SolveAsync(accountId, SandboxClient.Code);

        expired.Status.ShouldBe(HttpStatusCode.RequestTimeout);
        expired.ErrorType.ShouldBe("errors/checkpoint_expired");
        (await client.ResendAsync(accountId)).ErrorType.ShouldBe("errors/checkpoint_expired");
        (await client.StatusOfAsync(accountId)).ShouldBe("ERROR");
    }

    [Fact]
    public async Task A_checkpoint_solved_within_the_window_connects()
    {
        using var client = new SandboxClient(sandbox.Process.CreateClient(apiKey: null));
        var accountId = (await client.ConnectAsync("quick+otp@example.com")).Str("account_id");

        (await client.SolveAsync(accountId, SandboxClient.Code)).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_in_app_validation_not_approved_within_the_window_fails_the_login()
    {
        using var client = new SandboxClient(sandbox.Process.CreateClient(apiKey: null));
        var accountId = (await client.ConnectAsync("slow+inapp@example.com")).Str("account_id");

        await Eventually.HoldsAsync(async () => await client.StatusOfAsync(accountId) == "ERROR", TimeSpan.FromSeconds(10), "the intent expires");
        (await client.SolveAsync(accountId, "TRY_ANOTHER_WAY")).ErrorType.ShouldBe("errors/checkpoint_expired");
    }
}
