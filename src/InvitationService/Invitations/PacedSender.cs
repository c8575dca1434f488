using Microsoft.Extensions.Options;
using Npgsql;
using Outreach.InvitationService.Seats;

namespace Outreach.InvitationService.Invitations;

/// <summary>
/// The paced sender. Each round it takes, for every sender that may send now and whose spacing has passed, its oldest
/// queued invitation, and sends it through the dispatcher (so the limits, the gate and the reconciliation are the
/// same as for a direct send); then the sender waits a random spacing within [PacingMinMs, PacingMaxMs]. A sender
/// that is suspended, disconnected or not yet active is simply not picked: its queue is paused, not emptied. The same
/// loop reconciles sends whose outcome was lost.
/// </summary>
public sealed partial class PacedSender(NpgsqlDataSource db, InvitationDispatcher dispatcher, QueueSignal signal, TimeProvider clock,
    IOptions<InvitationOptions> options, ILogger<PacedSender> logger) : BackgroundService
{
    private const string DueSends = $"""
        SELECT DISTINCT ON (i.sender_key) i.invitation_id, i.sender_key, i.identity_id
        FROM invitation_list i
        JOIN sending_accounts a ON a.identity_id = i.identity_id AND a.connected AND NOT a.removed
        LEFT JOIN seat_views s ON s.seat_id = a.seat_id
        LEFT JOIN sender_pacing p ON p.sender_key = i.sender_key
        WHERE i.status = 'queued' AND (a.seat_id IS NULL OR s.status = 'active') AND (p.next_send_at IS NULL OR p.next_send_at <= $1)
          AND {SeatViews.InsideWorkingHours}
        ORDER BY i.sender_key, i.position
        LIMIT 500
        """;

    private const string LostOutcomes = """
        SELECT invitation_id, sender_key, identity_id FROM invitation_list
        WHERE status = 'sending' AND started_at < $1 ORDER BY position LIMIT 100
        """;

    public const string Migration = """
        CREATE TABLE sender_pacing (
            sender_key text PRIMARY KEY,
            next_send_at timestamptz NOT NULL);
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastReconcile = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var worked = await SendDueAsync(stoppingToken);
                var now = clock.GetUtcNow();
                if (now - lastReconcile >= TimeSpan.FromMilliseconds(Math.Min(options.Value.ReconcileAfterMs, 5_000)))
                {
                    lastReconcile = now;
                    await ReconcileLostAsync(stoppingToken);
                }
                if (!worked)
                    await signal.WaitAsync(TimeSpan.FromMilliseconds(options.Value.QueuePollMs), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The database restarting, a pool exhausted for a moment: the queue is in the database, so wait and look again.
                LogRoundFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>One round: at most one send per due sender, QueueConcurrency senders at a time. True when anything was due.</summary>
    private async Task<bool> SendDueAsync(CancellationToken ct)
    {
        var due = await ReadAsync(DueSends, clock.GetUtcNow(), ct);
        if (due.Count == 0)
            return false;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.QueueConcurrency), CancellationToken = ct },
            async (send, token) =>
            {
                var outcome = await dispatcher.SendQueuedAsync(send.InvitationId, send.SenderKey, send.IdentityId, token);
                if (outcome is not SendOutcome.Skipped)
                    await PaceAsync(send.SenderKey, token);
            });
        return true;
    }

    private async Task ReconcileLostAsync(CancellationToken ct)
    {
        var lost = await ReadAsync(LostOutcomes, clock.GetUtcNow() - TimeSpan.FromMilliseconds(options.Value.ReconcileAfterMs), ct);
        foreach (var send in lost)
            await dispatcher.ReconcileAsync(send.InvitationId, send.SenderKey, send.IdentityId, ct);
    }

    /// <summary>The sender's next send waits a random spacing; kept in the database so a restart or another replica keeps the pace.</summary>
    private async Task PaceAsync(string senderKey, CancellationToken ct)
    {
        var o = options.Value;
        var spacing = TimeSpan.FromMilliseconds(Random.Shared.Next(Math.Max(0, o.PacingMinMs), Math.Max(o.PacingMinMs, o.PacingMaxMs) + 1));
        await using var command = db.CreateCommand("""
            INSERT INTO sender_pacing (sender_key, next_send_at) VALUES ($1, $2)
            ON CONFLICT (sender_key) DO UPDATE SET next_send_at = excluded.next_send_at
            """);
        command.Parameters.AddWithValue(senderKey);
        command.Parameters.AddWithValue(clock.GetUtcNow() + spacing);
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record Due(string InvitationId, string SenderKey, string IdentityId);

    private async Task<List<Due>> ReadAsync(string sql, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue(at);
        var rows = new List<Due>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new Due(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The invitation queue's round failed; it looks again in a second")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
