using Outreach.EventSourcing;
using Outreach.InvitationService.Seats;

namespace Outreach.InvitationService.Invitations;

/// <summary>invitation_list: one row per invitation, what the list routes, the queue and the duplicate checks read.</summary>
public sealed class InvitationList : EventProjection
{
    public Task Project(InvitationRequested e, ProjectionContext ctx) => ctx.EnqueueAsync(
        """
        INSERT INTO invitation_list (invitation_id, account_id, key_id, seat_id, identity_id, sender_key, recipient_provider_id,
            recipient_public_identifier, message, batch_id, status, requested_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'queued', $11, $11)
        """,
        e.InvitationId, e.AccountId, e.KeyId, e.SeatId, e.IdentityId, e.SenderKey, e.RecipientProviderId, e.RecipientPublicIdentifier,
        e.Message, e.BatchId, e.RequestedAt);

    public Task Project(InvitationSendStarted e, ProjectionContext ctx) => ctx.EnqueueAsync(
        """
        UPDATE invitation_list SET status = 'sending', provider_account_id = $2, recipient_provider_id = $3, started_at = $4, updated_at = $4
        WHERE invitation_id = $1
        """,
        e.InvitationId, e.ProviderAccountId, e.RecipientProviderId, e.StartedAt);

    public Task Project(InvitationSent e, ProjectionContext ctx) => ctx.EnqueueAsync(
        """
        UPDATE invitation_list SET status = 'sent', provider_invitation_id = $2, sent_at = $3, updated_at = $3, reason = NULL, error_type = NULL
        WHERE invitation_id = $1
        """,
        e.InvitationId, e.ProviderInvitationId, e.SentAt);

    public Task Project(InvitationFailed e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE invitation_list SET status = 'failed', reason = $2, error_type = $3, updated_at = $4 WHERE invitation_id = $1",
        e.InvitationId, e.Reason, e.Type, e.FailedAt);

    public Task Project(InvitationRequeued e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE invitation_list SET status = 'queued', reason = $2, updated_at = $3 WHERE invitation_id = $1",
        e.InvitationId, e.Reason, e.RequeuedAt);

    public Task Project(InvitationWithdrawn e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE invitation_list SET status = 'withdrawn', withdrawn_at = $2, updated_at = $2 WHERE invitation_id = $1",
        e.InvitationId, e.WithdrawnAt);

    public Task Project(InvitationAccepted e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE invitation_list SET status = 'accepted', accepted_at = $2, updated_at = $2 WHERE invitation_id = $1",
        e.InvitationId, e.AcceptedAt);

    public Task Project(InvitationCancelled e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE invitation_list SET status = 'cancelled', reason = $2, updated_at = $3 WHERE invitation_id = $1",
        e.InvitationId, e.Reason, e.CancelledAt);

    /// <summary>UserMigrated re-homes the seat's invitations with it.</summary>
    public Task Project(SeatMigrationApplied e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE invitation_list SET key_id = $3 WHERE seat_id = $1 AND key_id = $2", e.SeatId, e.FromKeyId, e.ToKeyId);

    /// <summary>Step 4: the queue's look for each sender's oldest queued send reads only queued rows, in order.</summary>
    public const string QueuedIndexMigration = "CREATE INDEX invitation_list_queued ON invitation_list (sender_key, position) WHERE status = 'queued';";

    public override Task ResetAsync(SqlContext context) => context.ExecuteAsync("TRUNCATE invitation_list");

    public const string Migration = """
        CREATE TABLE invitation_list (
            position bigint GENERATED ALWAYS AS IDENTITY,
            invitation_id text PRIMARY KEY,
            account_id text NOT NULL,
            key_id text NOT NULL,
            seat_id text,
            identity_id text NOT NULL,
            sender_key text NOT NULL,
            provider_account_id text,
            recipient_provider_id text,
            recipient_public_identifier text,
            message text,
            batch_id text,
            status text NOT NULL,
            reason text,
            error_type text,
            provider_invitation_id text,
            requested_at timestamptz NOT NULL,
            started_at timestamptz,
            sent_at timestamptz,
            accepted_at timestamptz,
            withdrawn_at timestamptz,
            updated_at timestamptz NOT NULL);
        CREATE UNIQUE INDEX invitation_list_position ON invitation_list (position);
        CREATE INDEX invitation_list_key ON invitation_list (key_id, position);
        CREATE INDEX invitation_list_sender_status ON invitation_list (sender_key, status, position);
        CREATE INDEX invitation_list_status ON invitation_list (status, position);
        """;
}
