using System.Text.Json;
using Shouldly;

namespace Outreach.TenantIsolation.Tests;

/// <summary>
/// A tenant with real state on every service: a pending and an active seat, a member and a member invitation, the
/// active seat's identity connected to LinkedIn through the sandbox, one invitation sent and one queued.
/// </summary>
public sealed class TenantState
{
    public const string Manage = "/functions/v1/api-user-management";

    public required TenantKey Key { get; init; }
    public required string PendingSeatId { get; init; }
    public required string ActiveSeatId { get; init; }
    public required string IdentityId { get; init; }
    public required string SessionId { get; init; }
    public required string LinkedInAccountId { get; init; }
    public required string MemberUid { get; init; }
    public required string MemberInviteToken { get; init; }
    public required string SentInvitationId { get; init; }
    public required string QueuedInvitationId { get; init; }
    public required string RecipientProviderId { get; init; }
    public required IReadOnlyList<string> Secrets { get; init; }

    /// <summary>Stream ids of the tenant's own records, for counting their events.</summary>
    public IReadOnlyList<string> StreamIds =>
    [
        PendingSeatId, ActiveSeatId, $"seat-{PendingSeatId}", $"seat-{ActiveSeatId}", IdentityId, MemberUid, MemberInviteToken,
        SentInvitationId, QueuedInvitationId,
    ];

    /// <summary>The values a route template names as {placeholder}.</summary>
    public IReadOnlyDictionary<string, string> Placeholders() => new Dictionary<string, string>
    {
        ["pendingSeat"] = PendingSeatId,
        ["activeSeat"] = ActiveSeatId,
        ["identity"] = IdentityId,
        ["session"] = SessionId,
        ["account"] = LinkedInAccountId,
        ["uid"] = MemberUid,
        ["inviteToken"] = MemberInviteToken,
        ["sentInvitation"] = SentInvitationId,
        ["queuedInvitation"] = QueuedInvitationId,
        ["providerId"] = RecipientProviderId,
        ["accessKey"] = Key.AccessKey,
    };

    public static async Task<TenantState> CreateAsync(IsolationFixture system, string tag, string linkedInUsername)
    {
        var key = await system.IssueKeyAsync($"Account {tag}");
        using var seats = system.ClientFor(IsolationFixture.SeatService, key);
        using var identities = system.ClientFor(IsolationFixture.IdentityService, key);
        using var invitations = system.ClientFor(IsolationFixture.InvitationService, key);

        (await seats.SendJsonAsync(HttpMethod.Post, Manage, new { action = "add" })).Status.ShouldBe(200);
        (await seats.SendJsonAsync(HttpMethod.Post, Manage, new { action = "add", daily_limit = 40 })).Status.ShouldBe(200);
        var users = (await seats.SendJsonAsync(HttpMethod.Get, "/user-list")).Body.GetProperty("users");
        var pendingSeat = users[0].GetProperty("id").GetString()!;
        var activeSeat = users[1].GetProperty("id").GetString()!;
        await system.ActivateSeatAsync(activeSeat);

        var memberEmail = $"{tag}.member@{tag}-corp.example.com";
        var member = await seats.SendJsonAsync(HttpMethod.Post, "/user-management/users/", new { email = memberEmail, display_name = $"{tag} Member" });
        member.Status.ShouldBe(201, member.Text);
        var inviteEmail = $"{tag}.deputy@{tag}-corp.example.com";
        var invite = await seats.SendJsonAsync(HttpMethod.Post, "/user-management/invitations/", new { email = inviteEmail });
        invite.Status.ShouldBe(201, invite.Text);

        var firstName = $"{tag}First";
        var lastName = $"{tag}Last";
        var identityId = await system.CreateSeatIdentityAsync(key, activeSeat, firstName, lastName);
        var login = await identities.SendJsonAsync(HttpMethod.Post, $"/v1/identities/{identityId}/linkedin/login", new { username = linkedInUsername, password = "any-password" });
        login.Status.ShouldBe(200, login.Text);
        var sessionId = login.Body.GetProperty("login_result").GetProperty("session_id").GetString()!;
        await ConnectAsync(identities, identityId, sessionId);
        var check = (await identities.SendJsonAsync(HttpMethod.Get, $"/v1/identities/{identityId}/linkedin/check")).Body.GetProperty("linkedin");

        var accountId = "";
        await Eventually.Async(async () =>
        {
            accountId = await system.QueryAsync<string>("invitationsdb",
                "SELECT a.provider_account_id FROM sending_accounts a JOIN seat_views s ON s.seat_id = a.seat_id WHERE a.identity_id = $1 AND a.connected AND s.status = 'active'",
                identityId) ?? "";
            return accountId.Length > 0;
        }, "invitation-service may send from the seat's LinkedIn account");

        await Eventually.Async(async () => await system.QueryAsync<string>("invitationsdb",
            "SELECT status FROM seat_views WHERE seat_id = $1", pendingSeat) == "pending", "invitation-service knows the pending seat");

        var recipient = $"{tag}-recipient-{Guid.NewGuid():N}"[..32];
        var profile = await invitations.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/{recipient}?account_id={accountId}");
        profile.Status.ShouldBe(200, profile.Text);
        var providerId = profile.Id("provider_id");
        var sent = await invitations.SendJsonAsync(HttpMethod.Post, "/api/v1/users/invite", new { provider_id = providerId, account_id = accountId });
        sent.Status.ShouldBe(200, sent.Text);

        var batch = await invitations.SendJsonAsync(HttpMethod.Post, "/v1/invitations/batch", new
        {
            account_id = accountId,
            invitations = new[] { new { public_identifier = $"{tag}-first-queued" }, new { public_identifier = $"{tag}-second-queued" } },
        });
        batch.Status.ShouldBe(202, batch.Text);
        var queued = batch.Body.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        // The queue sends the first at once and paces the next ten minutes later: the second stays queued.
        await Eventually.Async(async () => await system.QueryAsync<string>("invitationsdb",
            "SELECT status FROM invitation_list WHERE invitation_id = $1", queued[0]) is "sent" or "failed", "the first queued invitation went out");

        return new TenantState
        {
            Key = key,
            PendingSeatId = pendingSeat,
            ActiveSeatId = activeSeat,
            IdentityId = identityId,
            SessionId = sessionId,
            LinkedInAccountId = accountId,
            MemberUid = member.Body.GetProperty("userData").GetProperty("user_uid").GetString()!,
            MemberInviteToken = invite.Id("invite_token"),
            SentInvitationId = sent.Id("invitation_id"),
            QueuedInvitationId = queued[1],
            RecipientProviderId = providerId,
            Secrets =
            [
                key.AccountId, key.KeyId, key.AccessKey, key.Secret, pendingSeat, activeSeat, identityId, sessionId, accountId,
                member.Body.GetProperty("userData").GetProperty("user_uid").GetString()!, invite.Id("invite_token"),
                sent.Id("invitation_id"), queued[0], queued[1], batch.Id("batch_id"), providerId, recipient,
                memberEmail, inviteEmail, linkedInUsername, firstName, lastName, $"{tag} Member",
                .. Strings(check, "profile_id", "name", "profile_url"),
            ],
        };
    }

    private static async Task ConnectAsync(HttpClient identities, string identityId, string sessionId)
    {
        await Eventually.Async(async () =>
        {
            var status = await identities.SendJsonAsync(HttpMethod.Get, $"/v1/identities/{identityId}/linkedin/status/{sessionId}");
            var result = status.Body.GetProperty("login_result");
            if (result.GetProperty("status").GetString() == "checkpoint")
                await identities.SendJsonAsync(HttpMethod.Post, $"/v1/identities/{identityId}/linkedin/code/{sessionId}", new { code = "123456" });
            return result.GetProperty("status").GetString() == "connected";
        }, $"identity {identityId} is connected");
    }

    private static IEnumerable<string> Strings(JsonElement element, params string[] names) =>
        names.Where(n => element.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0)
            .Select(n => element.GetProperty(n).GetString()!);
}
