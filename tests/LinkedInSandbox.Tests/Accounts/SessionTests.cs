using System.Net;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Accounts;

[Collection(SharedSandboxGroup.Name)]
public sealed class SessionTests(SharedSandbox sandbox)
{
    [Fact]
    public async Task Reconnect_with_the_session_token_re_authenticates_without_a_checkpoint()
    {
        using var client = sandbox.Client();
        var pending = await client.ConnectAsync(SharedSandbox.Username("jane", "2fa"));
        var token = (await client.SolveAsync(pending.Str("account_id"), SandboxClient.Code)).Str("session_token");

        var reconnected = await client.ReconnectAsync(pending.Str("account_id"), token);

        reconnected.Status.ShouldBe(HttpStatusCode.Created);
        reconnected.Str("object").ShouldBe("AccountCreated");
        reconnected.Str("account_id").ShouldBe(pending.Str("account_id"));
        reconnected.Str("session_token").ShouldBe(token);
        (await client.StatusOfAsync(pending.Str("account_id"))).ShouldBe("OK");
    }

    [Fact]
    public async Task A_revoked_session_leaves_the_account_at_credentials_and_its_token_is_refused_as_expired()
    {
        using var client = sandbox.Client();
        var (accountId, token) = await client.ConnectedAsync("jane@example.com");

        var revoked = await client.RevokeAsync(accountId);

        revoked.Status.ShouldBe(HttpStatusCode.OK);
        (await client.StatusOfAsync(accountId)).ShouldBe("CREDENTIALS");
        (await client.GetAccountAsync(accountId)).Has("session_token").ShouldBeFalse();
        var refused = await client.ReconnectAsync(accountId, token);
        refused.Status.ShouldBe(HttpStatusCode.Unauthorized);
        refused.ErrorType.ShouldBe("errors/expired_credentials");
        (await client.StatusOfAsync(accountId)).ShouldBe("CREDENTIALS");
    }

    [Fact]
    public async Task A_token_the_account_never_had_is_invalid_credentials()
    {
        using var client = sandbox.Client();
        var (accountId, _) = await client.ConnectedAsync("jane@example.com");
        var (_, otherToken) = await client.ConnectedAsync("someone.else@example.com");

        var refused = await client.ReconnectAsync(accountId, otherToken);

        refused.Status.ShouldBe(HttpStatusCode.Unauthorized);
        refused.ErrorType.ShouldBe("errors/invalid_credentials");
    }

    [Fact]
    public async Task A_stopped_account_runs_again_when_reconnected_with_its_session()
    {
        using var client = sandbox.Client();
        var (accountId, token) = await client.ConnectedAsync("jane@example.com");

        (await client.StopAsync(accountId)).Status.ShouldBe(HttpStatusCode.OK);
        (await client.StatusOfAsync(accountId)).ShouldBe("STOPPED");

        (await client.ReconnectAsync(accountId, token)).Status.ShouldBe(HttpStatusCode.Created);
        (await client.StatusOfAsync(accountId)).ShouldBe("OK");
    }

    [Fact]
    public async Task Delete_logs_out_and_forgets_the_account()
    {
        using var client = sandbox.Client();
        var (accountId, token) = await client.ConnectedAsync("jane@example.com");

        var deleted = await client.DeleteAccountAsync(accountId);

        deleted.Status.ShouldBe(HttpStatusCode.OK);
        deleted.Str("object").ShouldBe("AccountDeleted");
        (await client.GetAccountAsync(accountId)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.ReconnectAsync(accountId, token)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAccountAsync(accountId)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_a_connected_account_has_a_session_to_revoke()
    {
        using var client = sandbox.Client();
        var accountId = (await client.ConnectAsync(SharedSandbox.Username("jane", "2fa"))).Str("account_id");

        (await client.RevokeAsync(accountId)).Status.ShouldBe(HttpStatusCode.Conflict);
        (await client.RevokeAsync("no-such-account")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
