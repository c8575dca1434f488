using Outreach.Contracts;
using Outreach.Testing;
using Shouldly;
using Xunit.Abstractions;

namespace Outreach.TenantIsolation.Tests;

/// <summary>
/// A message published on the broker that names the victim's seat but another tenant's account and key changes
/// nothing: the victim's identity stays connected and its LinkedIn account can still send.
/// </summary>
[Collection(IsolationSuite.Name)]
public sealed class ForgedMessageTests(IsolationFixture system, ITestOutputHelper output)
{
    public static TheoryData<string> Forgeries => new() { nameof(SeatSuspended), nameof(SeatDisconnected), nameof(UserMigrated), nameof(SeatUnsuspended), nameof(SeatDailyLimitChanged) };

    // Only invitation-service consumes these two.
    private static readonly HashSet<string> InvitationServiceOnly = [nameof(SeatUnsuspended), nameof(SeatDailyLimitChanged)];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_message_naming_another_tenants_seat_changes_nothing_of_it(string forgery)
    {
        var victim = await TenantState.CreateAsync(system, $"victim{forgery.ToLowerInvariant()}", $"victim.{Guid.NewGuid():N}@example.com");
        var forger = await system.IssueKeyAsync("Forger");
        var forgerSecondKey = await system.IssueSecondKeyAsync(forger.AccountId);
        var now = DateTimeOffset.UtcNow.AddMinutes(1);
        object message = forgery switch
        {
            nameof(SeatSuspended) => new SeatSuspended(victim.ActiveSeatId, forger.AccountId, forger.KeyId, now),
            nameof(SeatDisconnected) => new SeatDisconnected(victim.ActiveSeatId, forger.AccountId, forger.KeyId, now),
            nameof(SeatUnsuspended) => new SeatUnsuspended(victim.ActiveSeatId, forger.AccountId, forger.KeyId, now),
            nameof(SeatDailyLimitChanged) => new SeatDailyLimitChanged(victim.ActiveSeatId, forger.AccountId, forger.KeyId, 0, now),
            _ => new UserMigrated($"mig_{Guid.NewGuid():N}", [victim.ActiveSeatId], forger.AccountId, forger.KeyId, forgerSecondKey.KeyId, now),
        };

        var messageId = Guid.NewGuid();
        await PublishAsync(message, messageId);
        var failures = new List<string>();
        foreach (var database in InvitationServiceOnly.Contains(forgery) ? ["invitationsdb"] : new[] { "identitiesdb", "invitationsdb" })
        {
            try
            {
                await Eventually.Async(async () => await system.QueryAsync<long>(database, "SELECT count(*) FROM inbox WHERE message_id = $1", messageId) > 0,
                    $"{database} handled the forged {forgery}", TimeSpan.FromSeconds(20));
            }
            catch (TimeoutException e)
            {
                failures.Add(e.Message);
            }
        }
        failures.AddRange(await StillWorksAsync(victim));
        output.WriteLine($"forged {forgery}: {failures.Count} failures");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private async Task PublishAsync(object message, Guid messageId)
    {
        var broker = await system.BrokerAsync();
        switch (message)
        {
            case SeatSuspended m: await BrokerClient.PublishAsync(broker, m, messageId); break;
            case SeatDisconnected m: await BrokerClient.PublishAsync(broker, m, messageId); break;
            case UserMigrated m: await BrokerClient.PublishAsync(broker, m, messageId); break;
            case SeatUnsuspended m: await BrokerClient.PublishAsync(broker, m, messageId); break;
            case SeatDailyLimitChanged m: await BrokerClient.PublishAsync(broker, m, messageId); break;
        }
    }

    private async Task<List<string>> StillWorksAsync(TenantState victim)
    {
        var failures = new List<string>();
        using var identities = system.ClientFor(IsolationFixture.IdentityService, victim.Key);
        var check = await identities.SendJsonAsync(HttpMethod.Get, $"/v1/identities/{victim.IdentityId}/linkedin/check");
        if (check.Status != 200 || !check.Body.GetProperty("connected").GetBoolean())
            failures.Add($"the victim's identity is no longer connected: {check.Status} {check.Text}");

        var identityView = await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM seat_views WHERE seat_id = $1 AND account_id <> $2",
            victim.ActiveSeatId, victim.Key.AccountId);
        if (identityView != 0)
            failures.Add("identity-service's view of the victim's seat took another account's message");

        var seat = await system.QueryAsync<string>("invitationsdb", "SELECT status || ' ' || key_id FROM seat_views WHERE seat_id = $1", victim.ActiveSeatId);
        if (seat != $"active {victim.Key.KeyId}")
            failures.Add($"invitation-service's view of the victim's seat changed: {seat}");
        var sender = await system.QueryAsync<string>("invitationsdb",
            "SELECT key_id || ' ' || connected FROM sending_accounts WHERE identity_id = $1", victim.IdentityId);
        if (sender != $"{victim.Key.KeyId} true")
            failures.Add($"invitation-service's sending account of the victim changed: {sender}");
        var queued = await system.QueryAsync<string>("invitationsdb", "SELECT status FROM invitation_list WHERE invitation_id = $1", victim.QueuedInvitationId);
        if (queued != "queued")
            failures.Add($"the victim's queued invitation is {queued}");

        using var invitations = system.ClientFor(IsolationFixture.InvitationService, victim.Key);
        var profile = await invitations.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/next-{Guid.NewGuid():N}?account_id={victim.LinkedInAccountId}");
        if (profile.Status != 200)
        {
            failures.Add($"the victim can no longer look a person up: {profile.Status} {profile.Text}");
            return failures;
        }
        var send = await invitations.SendJsonAsync(HttpMethod.Post, "/api/v1/users/invite",
            new { provider_id = profile.Id("provider_id"), account_id = victim.LinkedInAccountId });
        if (send.Status != 200)
            failures.Add($"the victim can no longer send: {send.Status} {send.Text}");
        return failures;
    }
}
