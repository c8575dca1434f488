namespace Outreach.TenantIsolation.Tests;

/// <summary>
/// What a victim of a forged message would notice if the forgery had been applied: its identity disconnected, its
/// seats' state or sending window changed in any service's view, its queued invitation cancelled, its LinkedIn account or seat lent to
/// another account's sender, or a send refused. Each is a failure message; none means the victim is untouched.
/// </summary>
public static class VictimChecks
{
    public static async Task<List<string>> StillWorksAsync(IsolationFixture system, TenantState victim)
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

        var seatList = await system.QueryAsync<string>("seatsdb", "SELECT status || ' ' || key_id FROM seat_list WHERE seat_id = $1", victim.ActiveSeatId);
        if (seatList != $"active {victim.Key.KeyId}")
            failures.Add($"seat-service's record of the victim's seat changed: {seatList}");

        var seat = await system.QueryAsync<string>("invitationsdb", "SELECT status || ' ' || key_id FROM seat_views WHERE seat_id = $1", victim.ActiveSeatId);
        if (seat != $"active {victim.Key.KeyId}")
            failures.Add($"invitation-service's view of the victim's seat changed: {seat}");
        var pending = await system.QueryAsync<string>("invitationsdb", "SELECT status || ' ' || key_id FROM seat_views WHERE seat_id = $1", victim.PendingSeatId);
        if (pending != $"pending {victim.Key.KeyId}")
            failures.Add($"invitation-service's view of the victim's pending seat changed: {pending}");
        // The victim never set a sending window: one set by another account would hold its queued sends.
        var window = await system.QueryAsync<string>("invitationsdb",
            "SELECT coalesce(time_zone || ' ' || start_minute || '-' || end_minute, 'none') FROM seat_views WHERE seat_id = $1", victim.ActiveSeatId);
        if (window != "none")
            failures.Add($"the victim's seat got a sending window it never set: {window}");
        var sender = await system.QueryAsync<string>("invitationsdb",
            "SELECT concat_ws(' ', key_id, connected::text, removed::text, provider_account_id, seat_id) FROM sending_accounts WHERE identity_id = $1", victim.IdentityId);
        if (sender != $"{victim.Key.KeyId} true false {victim.LinkedInAccountId} {victim.ActiveSeatId}")
            failures.Add($"invitation-service's sending account of the victim changed: {sender}");
        // A sender of another account on the victim's LinkedIn account would send as the victim; one on the victim's
        // seat would share its gate and spend its daily limit.
        var borrowed = await system.QueryAsync<long>("invitationsdb",
            "SELECT count(*) FROM sending_accounts WHERE (provider_account_id = $1 OR seat_id = $2) AND account_id <> $3",
            victim.LinkedInAccountId, victim.ActiveSeatId, victim.Key.AccountId);
        if (borrowed != 0)
            failures.Add($"{borrowed} sending account(s) of another account use the victim's LinkedIn account or seat");
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
