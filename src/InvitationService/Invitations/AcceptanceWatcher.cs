using Microsoft.Extensions.Options;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.InvitationService.Provider;

namespace Outreach.InvitationService.Invitations;

/// <summary>
/// Finds acceptances by reading, every AcceptancePollMs, the newest connections of each connected account that has
/// invitations pending: a pending invitation whose recipient is now a connection was accepted. Polling rather than a
/// webhook, so an acceptance that happened while this service was down is still found.
/// </summary>
public sealed partial class AcceptanceWatcher(NpgsqlDataSource db, IDocumentStore store, IInvitationProvider provider, TimeProvider clock,
    IOptions<InvitationOptions> options, ILogger<AcceptanceWatcher> logger) : BackgroundService
{
    private const string Watched = """
        SELECT DISTINCT a.identity_id, a.provider_account_id
        FROM invitation_list i JOIN sending_accounts a ON a.identity_id = i.identity_id AND a.connected AND NOT a.removed
        WHERE i.status = 'sent'
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.AcceptancePollMs), stoppingToken);
                foreach (var (identityId, providerAccountId) in await WatchedAsync(stoppingToken))
                    await LookAsync(identityId, providerAccountId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or ProviderUnavailableException or TimeoutException or InvalidOperationException)
            {
                LogLookFailed(logger, e);
            }
        }
    }

    private async Task LookAsync(string identityId, string providerAccountId, CancellationToken ct)
    {
        var answer = await provider.ListRelationsAsync(providerAccountId, null, ct);
        if (!answer.Succeeded || answer.Value!.Items.Count == 0)
            return;
        var members = answer.Value.Items.Select(r => r.MemberId).ToArray();
        await using var command = db.CreateCommand("""
            SELECT invitation_id, key_id FROM invitation_list WHERE identity_id = $1 AND status = 'sent' AND recipient_provider_id = ANY($2)
            """);
        command.Parameters.AddWithValue(identityId);
        command.Parameters.AddWithValue(members);
        var accepted = new List<(string InvitationId, string KeyId)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                accepted.Add((reader.GetString(0), reader.GetString(1)));
        }

        foreach (var (invitationId, keyId) in accepted)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Invitation>(invitationId, ct);
            if (stream.Aggregate is not { CanBeAccepted: true } invitation)
                continue;
            // The key of the list, not of the request: a migration since then moved the invitation.
            session.TenantId = keyId;
            stream.AppendOne(new InvitationAccepted(invitationId, invitation.AccountId, keyId, invitation.SeatId, providerAccountId, clock.GetUtcNow()));
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (ConcurrencyException)
            {
                // Withdrawn (or found by another replica) meanwhile; the next look sees where it stands.
            }
        }
    }

    private async Task<List<(string IdentityId, string ProviderAccountId)>> WatchedAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand(Watched);
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for accepted invitations failed; the next look retries")]
    private static partial void LogLookFailed(ILogger logger, Exception exception);
}
