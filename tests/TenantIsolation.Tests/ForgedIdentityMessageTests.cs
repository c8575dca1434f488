using Outreach.Contracts;
using Outreach.Testing;
using Shouldly;
using Xunit.Abstractions;

namespace Outreach.TenantIsolation.Tests;

/// <summary>
/// Messages about identities, LinkedIn accounts and sends, published with another tenant's account and key but naming
/// the victim's identity, LinkedIn account or seat, change nothing of the victim's: its identity stays connected and
/// sending, its queue stays, its seat's count stays, and the forger cannot send from the victim's LinkedIn account.
/// </summary>
[Collection(IsolationSuite.Name)]
public sealed class ForgedIdentityMessageTests(IsolationFixture system, ITestOutputHelper output)
{
    private const string DisconnectsIdentity = "LinkedInDisconnected naming the victim's identity";
    private const string DeletesIdentity = "IdentityDeleted naming the victim's identity";
    private const string ConnectsIdentity = "LinkedInConnected naming the victim's identity";
    private const string ConnectsAccount = "LinkedInConnected naming the victim's LinkedIn account";
    private const string ConnectsSeat = "LinkedInConnected naming the victim's seat";
    private const string CountsSend = "InvitationSent naming the victim's seat";

    public static TheoryData<string> Forgeries => new() { DisconnectsIdentity, DeletesIdentity, ConnectsIdentity, ConnectsAccount, ConnectsSeat, CountsSend };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_message_naming_another_tenants_identity_account_or_seat_changes_nothing_of_it(string forgery)
    {
        var victim = await TenantState.CreateAsync(system, $"victim{Guid.NewGuid():N}"[..14],
            $"victim.{Guid.NewGuid():N}@example.com");
        var forger = await system.IssueKeyAsync("Forger");
        var messageId = Guid.NewGuid();
        var broker = await system.BrokerAsync();
        string[] consumers = forgery switch
        {
            DeletesIdentity => ["invitationsdb"],
            CountsSend => ["seatsdb"],
            _ => ["seatsdb", "invitationsdb"],
        };
        var now = DateTimeOffset.UtcNow.AddMinutes(1);
        var forgerIdentity = $"forged-identity-{Guid.NewGuid():N}";
        var forgerLinkedIn = $"forged-account-{Guid.NewGuid():N}";
        await (forgery switch
        {
            DisconnectsIdentity => BrokerClient.PublishAsync(broker,
                new LinkedInDisconnected(victim.IdentityId, forger.AccountId, forger.KeyId, victim.ActiveSeatId, LinkedInDisconnected.Revoked, now), messageId),
            DeletesIdentity => BrokerClient.PublishAsync(broker,
                new IdentityDeleted(victim.IdentityId, forger.AccountId, forger.KeyId, victim.ActiveSeatId, now), messageId),
            ConnectsIdentity => BrokerClient.PublishAsync(broker, Connected(victim.IdentityId, forger, null, forgerLinkedIn, now), messageId),
            ConnectsAccount => BrokerClient.PublishAsync(broker, Connected(forgerIdentity, forger, null, victim.LinkedInAccountId, now), messageId),
            ConnectsSeat => BrokerClient.PublishAsync(broker, Connected(forgerIdentity, forger, victim.ActiveSeatId, forgerLinkedIn, now), messageId),
            _ => BrokerClient.PublishAsync(broker,
                new InvitationSent($"forged-invitation-{Guid.NewGuid():N}", forger.AccountId, forger.KeyId, victim.ActiveSeatId, victim.LinkedInAccountId, now), messageId),
        });

        var failures = new List<string>();
        foreach (var database in consumers)
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
        failures.AddRange(await SeatCountsOnlyItsOwnSendsAsync(victim));
        failures.AddRange(await ForgerCannotSendAsVictimAsync(forger, victim));
        failures.AddRange(await VictimChecks.StillWorksAsync(system, victim));
        output.WriteLine($"forged {forgery}: {failures.Count} failures");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private static LinkedInConnected Connected(string identityId, TenantKey forger, string? seatId, string providerAccountId, DateTimeOffset at) =>
        new(identityId, forger.AccountId, forger.KeyId, seatId, providerAccountId, "forged-profile", "Forged Name", "https://www.linkedin.com/in/forged", at);

    /// <summary>seat-service's count of today's sends for the seat settles on the sends invitation-service made from it.</summary>
    private async Task<List<string>> SeatCountsOnlyItsOwnSendsAsync(TenantState victim)
    {
        long counted = -1, sent = -2;
        try
        {
            await Eventually.Async(async () =>
            {
                counted = await system.QueryAsync<int>("seatsdb",
                    "SELECT CASE WHEN sent_day = (now() AT TIME ZONE 'UTC')::date THEN daily_sent_count ELSE 0 END FROM seat_list WHERE seat_id = $1",
                    victim.ActiveSeatId);
                sent = await system.QueryAsync<long>("invitationsdb",
                    "SELECT count(*) FROM invitation_list WHERE seat_id = $1 AND (sent_at AT TIME ZONE 'UTC')::date = (now() AT TIME ZONE 'UTC')::date",
                    victim.ActiveSeatId);
                return counted == sent;
            }, "seat-service counted the victim's own sends", TimeSpan.FromSeconds(10));
            return [];
        }
        catch (TimeoutException)
        {
            return [$"seat-service counts {counted} sends today for the victim's seat; it sent {sent}"];
        }
    }

    private async Task<List<string>> ForgerCannotSendAsVictimAsync(TenantKey forger, TenantState victim)
    {
        using var invitations = system.ClientFor(IsolationFixture.InvitationService, forger);
        var profile = await invitations.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/forged-{Guid.NewGuid():N}?account_id={victim.LinkedInAccountId}");
        return profile.Status == 200 ? [$"the forger can act as the victim's LinkedIn account: {profile.Text}"] : [];
    }
}
