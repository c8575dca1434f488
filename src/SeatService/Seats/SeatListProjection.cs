using Outreach.EventSourcing;

namespace Outreach.SeatService.Seats;

/// <summary>seat_list (what /user-list reads) and connect_links (what the connect page validates).</summary>
public sealed class SeatListProjection : EventProjection
{
    public Task Project(SeatAdded e, ProjectionContext ctx) => ctx.EnqueueAsync(
        """
        INSERT INTO seat_list (seat_id, account_id, key_id, status, daily_limit, added_at)
        VALUES ($1, $2, $3, 'pending', $4, $5) ON CONFLICT (seat_id) DO NOTHING
        """,
        e.SeatId, e.AccountId, e.KeyId, e.DailyLimit, e.AddedAt);

    /// <summary>A newer link supersedes every older one of the seat.</summary>
    public async Task Project(ConnectLinkIssued e, ProjectionContext ctx)
    {
        await ctx.EnqueueAsync(
            "UPDATE connect_links SET superseded_at = $2 WHERE seat_id = $1 AND superseded_at IS NULL", e.SeatId, e.IssuedAt);
        await ctx.EnqueueAsync(
            "INSERT INTO connect_links (token_hash, seat_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (token_hash) DO NOTHING",
            e.TokenHash, e.SeatId, e.ExpiresAt);
    }

    /// <summary>Finishing the wizard uses the seat's link up: it answers 410 "already used" from then on.</summary>
    public async Task Project(SeatActivated e, ProjectionContext ctx)
    {
        await SetStatus(ctx, e.SeatId, "active");
        await ctx.EnqueueAsync(
            "UPDATE connect_links SET used_at = $2 WHERE seat_id = $1 AND used_at IS NULL AND superseded_at IS NULL", e.SeatId, e.ActivatedAt);
    }

    public Task Project(SeatSuspended e, ProjectionContext ctx) => SetStatus(ctx, e.SeatId, "suspended");

    public Task Project(SeatUnsuspended e, ProjectionContext ctx) => SetStatus(ctx, e.SeatId, "pending");

    public Task Project(SeatMigrated e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE seat_list SET key_id = $2 WHERE seat_id = $1", e.SeatId, e.ToKeyId);

    public async Task Project(SeatDisconnected e, ProjectionContext ctx)
    {
        // The record is deleted: personal fields go, the row stays only as a tombstone for billing history.
        await ctx.EnqueueAsync(
            "UPDATE seat_list SET status = 'deleted', linkedin_url = NULL, linkedin_name = NULL WHERE seat_id = $1", e.SeatId);
        await ctx.EnqueueAsync(
            "UPDATE connect_links SET superseded_at = $2 WHERE seat_id = $1 AND superseded_at IS NULL", e.SeatId, e.DisconnectedAt);
    }

    public Task Project(SeatDailyLimitChanged e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE seat_list SET daily_limit = $2 WHERE seat_id = $1", e.SeatId, e.DailyLimit);

    /// <summary>A count from an earlier day starts over; one from an older day than the stored one is too late to matter.</summary>
    public Task Project(SeatInvitationCounted e, ProjectionContext ctx) => ctx.EnqueueAsync(
        """
        UPDATE seat_list SET
            daily_sent_count = CASE WHEN sent_day = $2 THEN daily_sent_count + 1 ELSE 1 END,
            sent_day = $2
        WHERE seat_id = $1 AND (sent_day IS NULL OR sent_day <= $2)
        """,
        e.SeatId, e.Day);

    public async Task Project(SeatLinkedInConnected e, ProjectionContext ctx)
    {
        // No key: the seat was deleted since (a rebuild), and its personal data with it.
        if (await SeatKeys.FindAsync(ctx, e.SeatId) is not { } key)
            return;
        await ctx.EnqueueAsync(
            """
            UPDATE seat_list SET linkedin_name = $2, linkedin_url = $3,
                status = CASE WHEN status = 'disconnected' THEN 'active' ELSE status END
            WHERE seat_id = $1 AND status <> 'deleted'
            """,
            e.SeatId, PersonalDataCipher.Decrypt(key, e.SeatId, e.SealedName), PersonalDataCipher.Decrypt(key, e.SeatId, e.SealedProfileUrl));
    }

    public Task Project(SeatLinkedInDropped e, ProjectionContext ctx) => SetStatus(ctx, e.SeatId, "disconnected");

    public override Task ResetAsync(SqlContext context) => context.ExecuteAsync("TRUNCATE seat_list, connect_links");

    private static Task SetStatus(ProjectionContext ctx, string seatId, string status) =>
        ctx.EnqueueAsync("UPDATE seat_list SET status = $2 WHERE seat_id = $1", seatId, status);
}
