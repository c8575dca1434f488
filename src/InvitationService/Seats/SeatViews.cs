using Outreach.EventSourcing;

namespace Outreach.InvitationService.Seats;

/// <summary>
/// invitation-service's local view of seat-service's seats (seat_views), built only from its messages: whether the seat
/// may send and how many a day. Each fact keeps the time seat-service decided it, and only a newer one replaces it.
/// </summary>
public sealed class SeatViews : EventProjection
{
    public const int DefaultDailyLimit = 25;

    public static string StreamId(string seatId) => $"seat-{seatId}";

    public Task Project(SeatSuspensionApplied e, ProjectionContext ctx) => Status(ctx, e.SeatId, e.AccountId, e.KeyId, "suspended", e.SuspendedAt);

    public Task Project(SeatStatusApplied e, ProjectionContext ctx) => Status(ctx, e.SeatId, e.AccountId, e.KeyId, e.Status, e.ChangedAt);

    public Task Project(SeatAddedApplied e, ProjectionContext ctx) => ctx.EnqueueAsync(
        """
        INSERT INTO seat_views (seat_id, account_id, key_id, status, updated_at, daily_limit, limit_at) VALUES ($1, $2, $3, 'pending', $5, $4, $5)
        ON CONFLICT (seat_id) DO UPDATE SET daily_limit = excluded.daily_limit, limit_at = excluded.limit_at
        WHERE seat_views.limit_at IS NULL OR seat_views.limit_at < excluded.limit_at
        """,
        e.SeatId, e.AccountId, e.KeyId, e.DailyLimit, e.AddedAt);

    public Task Project(SeatDailyLimitApplied e, ProjectionContext ctx) => ctx.EnqueueAsync(
        """
        INSERT INTO seat_views (seat_id, account_id, key_id, status, updated_at, daily_limit, limit_at) VALUES ($1, $2, $3, 'pending', '-infinity', $4, $5)
        ON CONFLICT (seat_id) DO UPDATE SET daily_limit = excluded.daily_limit, limit_at = excluded.limit_at
        WHERE seat_views.limit_at IS NULL OR seat_views.limit_at < excluded.limit_at
        """,
        e.SeatId, e.AccountId, e.KeyId, e.DailyLimit, e.ChangedAt);

    public Task Project(SeatMigrationApplied e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE seat_views SET key_id = $3 WHERE seat_id = $1 AND key_id = $2", e.SeatId, e.FromKeyId, e.ToKeyId);

    /// <summary>A status decided at <paramref name="at"/>; a row first made by a status (its SeatAdded not in yet) keeps the default limit until it is.</summary>
    private static Task Status(ProjectionContext ctx, string seatId, string accountId, string keyId, string status, DateTimeOffset at) => ctx.EnqueueAsync(
        """
        INSERT INTO seat_views (seat_id, account_id, key_id, status, updated_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (seat_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
        WHERE seat_views.updated_at <= excluded.updated_at AND seat_views.status <> 'deleted'
        """,
        seatId, accountId, keyId, status, at);

    public override Task ResetAsync(SqlContext context) => context.ExecuteAsync("TRUNCATE seat_views");

    public const string Migration = """
        CREATE TABLE seat_views (
            seat_id text PRIMARY KEY,
            account_id text NOT NULL,
            key_id text NOT NULL,
            status text NOT NULL,
            updated_at timestamptz NOT NULL);
        """;

    /// <summary>Step 2: the daily limit, and when seat-service set it.</summary>
    public const string DailyLimitMigration = """
        ALTER TABLE seat_views ADD COLUMN daily_limit integer, ADD COLUMN limit_at timestamptz;
        """;
}
