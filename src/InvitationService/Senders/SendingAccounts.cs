using Outreach.EventSourcing;

namespace Outreach.InvitationService.Senders;

/// <summary>
/// sending_accounts: one row per identity that has connected LinkedIn, with the provider account it sends from now.
/// The public API's account_id is the provider account id; invitations belong to the identity, so a reconnection under
/// a new provider account keeps its queue.
/// </summary>
public sealed class SendingAccounts : EventProjection
{
    public static string StreamId(string identityId) => $"sender-{identityId}";

    public Task Project(SenderConnected e, ProjectionContext ctx) => ctx.EnqueueAsync(
        """
        INSERT INTO sending_accounts (identity_id, account_id, key_id, seat_id, provider_account_id, connected, updated_at)
        VALUES ($1, $2, $3, $4, $5, true, $6)
        ON CONFLICT (identity_id) DO UPDATE SET provider_account_id = excluded.provider_account_id, seat_id = COALESCE(excluded.seat_id, sending_accounts.seat_id), connected = true, removed = false,
            updated_at = excluded.updated_at
        WHERE sending_accounts.updated_at <= excluded.updated_at AND NOT sending_accounts.removed
        """,
        e.IdentityId, e.AccountId, e.KeyId, e.SeatId, e.ProviderAccountId, e.ConnectedAt);

    public Task Project(SenderDisconnected e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE sending_accounts SET connected = false, updated_at = $2 WHERE identity_id = $1 AND updated_at <= $2",
        e.IdentityId, e.DisconnectedAt);

    public Task Project(SenderRemoved e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE sending_accounts SET connected = false, removed = true, updated_at = greatest(updated_at, $2) WHERE identity_id = $1",
        e.IdentityId, e.RemovedAt);

    /// <summary>UserMigrated moves the seat's sending account to the target key with its connection kept.</summary>
    public Task Project(Seats.SeatMigrationApplied e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE sending_accounts SET key_id = $3 WHERE seat_id = $1 AND key_id = $2 AND account_id = $4", e.SeatId, e.FromKeyId, e.ToKeyId, e.AccountId);

    public override Task ResetAsync(SqlContext context) => context.ExecuteAsync("TRUNCATE sending_accounts");

    public const string Migration = """
        CREATE TABLE sending_accounts (
            identity_id text PRIMARY KEY,
            account_id text NOT NULL,
            key_id text NOT NULL,
            seat_id text,
            provider_account_id text NOT NULL,
            connected boolean NOT NULL,
            removed boolean NOT NULL DEFAULT false,
            updated_at timestamptz NOT NULL);
        CREATE INDEX sending_accounts_provider_account ON sending_accounts (provider_account_id);
        CREATE INDEX sending_accounts_seat ON sending_accounts (seat_id);
        """;
}
