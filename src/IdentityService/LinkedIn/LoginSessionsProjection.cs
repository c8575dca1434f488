using Outreach.EventSourcing;

namespace Outreach.IdentityService.LinkedIn;

/// <summary>login_sessions (what the status route reads) and the LinkedIn columns of identity_list.</summary>
public sealed class LoginSessionsProjection : EventProjection
{
    public const string Migration = """
        CREATE TABLE login_sessions (
            session_id text PRIMARY KEY,
            identity_id text NOT NULL,
            key_id text NOT NULL,
            status text NOT NULL,
            checkpoint_type text,
            failure_reason text,
            attempts int NOT NULL DEFAULT 0,
            max_wait_seconds int NOT NULL,
            requested_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL);
        CREATE INDEX login_sessions_open ON login_sessions (expires_at) WHERE status IN ('queued', 'in_progress', 'checkpoint');
        """;

    public Task Project(LinkedInLoginRequested e, ProjectionContext ctx) => ctx.EnqueueAsync(
        """
        INSERT INTO login_sessions (session_id, identity_id, key_id, status, max_wait_seconds, requested_at, expires_at, updated_at)
        VALUES ($1, $2, $3, 'queued', $4, $5, $6, $5) ON CONFLICT (session_id) DO NOTHING
        """,
        e.SessionId, e.IdentityId, e.KeyId, e.MaxVerificationWaitSeconds, e.RequestedAt, e.ExpiresAt);

    public Task Project(LinkedInLoginStarted e, ProjectionContext ctx) => SetStatus(ctx, e.SessionId, LoginStatus.InProgress, e.StartedAt);

    public Task Project(LinkedInCheckpointReached e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE login_sessions SET status = 'checkpoint', checkpoint_type = $2, updated_at = $3 WHERE session_id = $1",
        e.SessionId, e.CheckpointType, e.ReachedAt);

    public Task Project(LinkedInCodeRejected e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE login_sessions SET attempts = $2, updated_at = $3 WHERE session_id = $1", e.SessionId, e.Attempts, e.RejectedAt);

    public Task Project(LinkedInLoginSucceeded e, ProjectionContext ctx) => SetStatus(ctx, e.SessionId, LoginStatus.Connected, e.ConnectedAt);

    public Task Project(LinkedInLoginFailed e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE login_sessions SET status = 'failed', failure_reason = $2, updated_at = $3 WHERE session_id = $1", e.SessionId, e.Reason, e.FailedAt);

    public Task Project(LinkedInLoginExpired e, ProjectionContext ctx) => SetStatus(ctx, e.SessionId, LoginStatus.Expired, e.ExpiredAt);

    public Task Project(Identities.IdentityMigrated e, ProjectionContext ctx) =>
        ctx.EnqueueAsync("UPDATE login_sessions SET key_id = $2 WHERE identity_id = $1", e.IdentityId, e.ToKeyId);

    public Task Project(Identities.IdentityDeleted e, ProjectionContext ctx) =>
        ctx.EnqueueAsync("DELETE FROM login_sessions WHERE identity_id = $1", e.IdentityId);

    public override Task ResetAsync(SqlContext context) => context.ExecuteAsync("TRUNCATE login_sessions");

    private static Task SetStatus(ProjectionContext ctx, string sessionId, string status, DateTimeOffset at) =>
        ctx.EnqueueAsync("UPDATE login_sessions SET status = $2, updated_at = $3 WHERE session_id = $1", sessionId, status, at);
}
