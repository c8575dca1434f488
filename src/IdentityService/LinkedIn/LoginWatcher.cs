using Npgsql;
using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;

namespace Outreach.IdentityService.LinkedIn;

public sealed class LoginWatcherOptions
{
    /// <summary>How often open logins are looked at: expiry, and approvals given in the LinkedIn app.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>
/// Moves logins on that nobody else will: a login past its max_verification_wait_time expires, and an
/// IN_APP_VALIDATION checkpoint is polled at the provider until the person approves it. Every replica may run it:
/// two that act on one login race on the identity's stream, and the loser's write is refused and dropped.
/// </summary>
public sealed partial class LoginWatcher(IDocumentStore store, NpgsqlDataSource db, ILinkedInProvider provider, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<LoginWatcherOptions> options, ILogger<LoginWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var (identityId, sessionId, inApp) in await OpenLoginsAsync(stoppingToken))
                    await WatchAsync(identityId, sessionId, inApp, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The watcher outlives database and provider outages; it tries again next round.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRoundFailed(e);
            }
            await Task.Delay(options.Value.Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<List<(string IdentityId, string SessionId, bool InApp)>> OpenLoginsAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT identity_id, session_id, expires_at > $1 FROM login_sessions
            WHERE status IN ('queued', 'in_progress', 'checkpoint')
              AND (expires_at <= $1 OR (status = 'checkpoint' AND checkpoint_type = 'IN_APP_VALIDATION'))
            LIMIT 200
            """);
        command.Parameters.AddWithValue(clock.GetUtcNow());
        var open = new List<(string, string, bool)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            open.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        return open;
    }

    private async Task WatchAsync(string identityId, string sessionId, bool inApp, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Identity>(identityId, ct);
        if (stream.Aggregate?.Login is not { } login || login.SessionId != sessionId || LoginStatus.IsFinished(login.Status))
            return;
        var now = clock.GetUtcNow();
        if (!inApp || login.ExpiresAt <= now)
        {
            LoginOutcomes.Expire(session, stream, sessionId, now);
        }
        else
        {
            ProviderOutcome outcome;
            try
            {
                outcome = await provider.GetAccountAsync(login.CheckpointAccountId!, ct);
            }
            catch (ProviderUnavailableException)
            {
                return; // asked again next round, until the login expires
            }
            if (outcome is ProviderOutcome.Pending or ProviderOutcome.Checkpoint)
                return;
            await LoginOutcomes.RecordAsync(session, stream, sessionId, outcome, now, ct);
        }
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            // Another replica, the worker or a code submission moved this login on first; theirs stands.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login watcher round failed; retrying")]
    private partial void LogRoundFailed(Exception exception);
}
