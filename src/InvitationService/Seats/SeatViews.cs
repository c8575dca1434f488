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

    public Task Project(SeatWorkingHoursApplied e, ProjectionContext ctx) => ctx.EnqueueAsync(
        """
        INSERT INTO seat_views (seat_id, account_id, key_id, status, updated_at, time_zone, start_minute, end_minute, work_days, hours_at)
        VALUES ($1, $2, $3, 'pending', '-infinity', $4, $5, $6, $7, $8)
        ON CONFLICT (seat_id) DO UPDATE SET time_zone = excluded.time_zone, start_minute = excluded.start_minute,
            end_minute = excluded.end_minute, work_days = excluded.work_days, hours_at = excluded.hours_at
        WHERE seat_views.hours_at IS NULL OR seat_views.hours_at < excluded.hours_at
        """,
        e.SeatId, e.AccountId, e.KeyId, e.TimeZone, e.StartMinute, e.EndMinute, (object?)e.Days ?? DBNull.Value, e.ChangedAt);

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

    /// <summary>Step 3: the seat's sending window (null: any time).</summary>
    public const string WorkingHoursMigration = """
        ALTER TABLE seat_views ADD COLUMN time_zone text, ADD COLUMN start_minute integer, ADD COLUMN end_minute integer,
            ADD COLUMN work_days integer[], ADD COLUMN hours_at timestamptz;
        """;

    /// <summary>
    /// SQL true when <c>$1</c> (now) falls inside seat <c>s</c>'s window, in its time zone, or when it has none.
    /// PostgreSQL's zone database is IANA's, as .NET's is on Linux, so a zone the consumer accepted is one it knows.
    /// </summary>
    public const string InsideWorkingHours = """
        (s.time_zone IS NULL
         OR ((extract(hour FROM ($1 AT TIME ZONE s.time_zone)) * 60 + extract(minute FROM ($1 AT TIME ZONE s.time_zone))) >= s.start_minute
             AND (extract(hour FROM ($1 AT TIME ZONE s.time_zone)) * 60 + extract(minute FROM ($1 AT TIME ZONE s.time_zone))) < s.end_minute
             AND (s.work_days IS NULL OR extract(dow FROM ($1 AT TIME ZONE s.time_zone))::int = ANY(s.work_days))))
        """;

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
