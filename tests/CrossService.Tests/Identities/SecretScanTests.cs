using System.Text.Json;
using Outreach.Contracts;
using Outreach.Testing;
using Shouldly;

namespace Outreach.CrossService.Tests.Identities;

/// <summary>
/// A LinkedIn password we are given, and the session token the provider gives back, are found nowhere afterwards:
/// not in any table of any database (the event log included), not in any service's console output, not in the
/// messages on the broker.
/// </summary>
[Collection(CrossServiceSuite.Name)]
public sealed class SecretScanTests(CrossServiceFixture system)
{
    private static readonly string[] Databases = ["seatsdb", "identitiesdb", "invitationsdb"];

    [Fact]
    public async Task The_password_and_the_session_token_leave_no_trace()
    {
        var broker = await system.BrokerAsync();
        await using var queued = await BrokerClient.ListenAsync<LoginQueued>(broker);
        await using var connected = await BrokerClient.ListenAsync<LinkedInConnected>(broker);
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        var password = $"Pw-{Guid.NewGuid():N}";

        var session = await login.StartOkAsync(new { username = "secret+2fa@example.com", password });
        await login.WaitForStatusAsync(session, "checkpoint");
        (await login.SubmitAsync(session, "123456")).Response.EnsureSuccessStatusCode();
        await queued.WaitForAsync(m => m.SessionId == session, LinkedInLogin.Patience);
        await connected.WaitForAsync(m => m.IdentityId == login.IdentityId, LinkedInLogin.Patience);
        var token = await SessionTokenAsync(login.IdentityId);
        token.Length.ShouldBeGreaterThan(8);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the last console lines travel through a pipe

        foreach (var secret in new[] { password, token })
        {
            foreach (var database in Databases)
            {
                var found = await system.FindEverywhereAsync(database, secret);
                found.Where(t => t.Value > 0).Select(t => t.Key).ShouldBeEmpty($"{database} holds a secret");
                found.ShouldNotBeEmpty(database);
            }
            foreach (var resource in new[] { CrossServiceFixture.IdentityService, CrossServiceFixture.SeatService, CrossServiceFixture.InvitationService, "linkedin-sandbox" })
                system.App.ResourceLogs.GetLines(resource).ShouldNotContain(line => line.Contains(secret, StringComparison.Ordinal), resource);
            foreach (var message in queued.Messages.Cast<object>().Concat(connected.Messages))
                JsonSerializer.Serialize(message).ShouldNotContain(secret);
        }
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM login_credentials WHERE session_id = $1", session)).ShouldBe(0L);
    }

    /// <summary>The token as the provider holds it: asked of the sandbox for the account the login connected.</summary>
    private async Task<string> SessionTokenAsync(string identityId)
    {
        var accountId = await system.QueryAsync<string>("identitiesdb",
            "SELECT data->>'providerAccountId' FROM events WHERE stream_id = $1 AND type = 'linked_in_login_succeeded'", identityId);
        accountId.ShouldNotBeNullOrEmpty();
        var sandbox = system.Client("linkedin-sandbox");
        var account = JsonDocument.Parse(await sandbox.GetStringAsync($"/api/v1/accounts/{accountId}")).RootElement;
        return account.GetProperty("session_token").GetString()!;
    }
}
