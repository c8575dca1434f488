using Outreach.EventSourcing;

namespace Outreach.SeatService.Members;

/// <summary>Keeps member_list, inline with the member events. A deleted member's row goes, so no read can find it.</summary>
public sealed class MemberListProjection : EventProjection
{
    public Task Project(MemberAdded e, ProjectionContext ctx) => ctx.EnqueueAsync("""
        INSERT INTO member_list (user_uid, account_id, email, email_key, display_name, phone, attributes, account_type, status, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6::text, '{}', $7, 'active', $8, $8)
        """,
        e.MemberUid, e.AccountId, e.Email, MemberFields.EmailKey(e.Email), e.DisplayName, e.Phone, e.AccountType, e.AddedAt);

    public Task Project(MemberProfileUpdated e, ProjectionContext ctx) => ctx.EnqueueAsync("""
        UPDATE member_list SET email = $2, email_key = $3, display_name = $4, phone = $5::text, attributes = $6::jsonb, updated_at = $7
        WHERE user_uid = $1
        """,
        e.MemberUid, e.Email, MemberFields.EmailKey(e.Email), e.DisplayName, e.Phone, e.Attributes.GetRawText(), e.UpdatedAt);

    public Task Project(MemberAccountTypeChanged e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE member_list SET account_type = $2, updated_at = $3 WHERE user_uid = $1", e.MemberUid, e.AccountType, e.ChangedAt);

    public Task Project(MemberDisabled e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE member_list SET status = 'disabled', updated_at = $2 WHERE user_uid = $1", e.MemberUid, e.DisabledAt);

    public Task Project(MemberDeleted e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "DELETE FROM member_list WHERE user_uid = $1", e.MemberUid);

    public override Task ResetAsync(SqlContext context) => context.ExecuteAsync("DELETE FROM member_list");
}
