using Outreach.EventSourcing;

namespace Outreach.IdentityService.Seats;

/// <summary>identity-service's local view of seat-service's seats (seat_views), built only from its messages.</summary>
public sealed class SeatViews : EventProjection
{
    public static string StreamId(string seatId) => $"seat-{seatId}";

    public Task Project(SeatSuspensionApplied e, ProjectionContext ctx) => ctx.EnqueueAsync(
        """
        INSERT INTO seat_views (seat_id, account_id, key_id, status, updated_at) VALUES ($1, $2, $3, 'suspended', $4)
        ON CONFLICT (seat_id) DO UPDATE SET status = 'suspended', updated_at = excluded.updated_at
        """,
        e.SeatId, e.AccountId, e.KeyId, e.SuspendedAt);

    public override Task ResetAsync(SqlContext context) => context.ExecuteAsync("TRUNCATE seat_views");

    public const string Migration = """
        CREATE TABLE seat_views (
            seat_id text PRIMARY KEY,
            account_id text NOT NULL,
            key_id text NOT NULL,
            status text NOT NULL,
            updated_at timestamptz NOT NULL);
        """;
}
