using Outreach.EventSourcing;

namespace Outreach.SeatService.Members;

/// <summary>Keeps member_invitations: open invitations only. Whether one has expired is decided at read time.</summary>
public sealed class MemberInvitationsProjection : EventProjection
{
    public Task Project(MemberInvited e, ProjectionContext ctx) => ctx.EnqueueAsync("""
        INSERT INTO member_invitations (invite_token, account_id, email, email_key, account_type, platform_link, invited_by_key_id, invited_at, expires_at)
        VALUES ($1, $2, $3, $4, $5, $6::text, $7, $8, $9)
        """,
        e.InviteToken, e.AccountId, e.Email, MemberFields.EmailKey(e.Email), e.AccountType, e.PlatformLink, e.InvitedByKeyId, e.InvitedAt,
        e.ExpiresAt);

    public Task Project(MemberInvitationRemoved e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "DELETE FROM member_invitations WHERE invite_token = $1", e.InviteToken);

    public Task Project(MemberInvitationSuperseded e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "DELETE FROM member_invitations WHERE invite_token = $1", e.InviteToken);

    public override Task ResetAsync(SqlContext context) => context.ExecuteAsync("DELETE FROM member_invitations");
}
