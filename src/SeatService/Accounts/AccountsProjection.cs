using Outreach.EventSourcing;

namespace Outreach.SeatService.Accounts;

/// <summary>accounts and access_keys: what authentication and the connect page read.</summary>
public sealed class AccountsProjection : EventProjection
{
    public Task Project(AccountCreated e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "INSERT INTO accounts (account_id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (account_id) DO NOTHING",
        e.AccountId, e.Name, e.CreatedAt);

    public Task Project(AccessKeyIssued e, ProjectionContext ctx) => ctx.EnqueueAsync(
        """
        INSERT INTO access_keys (key_id, account_id, access_key_hash, secret_hash, issued_at)
        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key_id) DO NOTHING
        """,
        e.KeyId, e.AccountId, e.AccessKeyHash, e.SecretHash, e.IssuedAt);

    public Task Project(AccessKeyRevoked e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE access_keys SET revoked_at = $2 WHERE key_id = $1", e.KeyId, e.RevokedAt);

    public Task Project(AccountRateLimitSet e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE accounts SET requests_per_minute = $2 WHERE account_id = $1", e.AccountId, e.RequestsPerMinute);

    public override Task ResetAsync(SqlContext context) => context.ExecuteAsync("TRUNCATE accounts, access_keys");
}
