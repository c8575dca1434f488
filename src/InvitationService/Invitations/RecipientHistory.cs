using Npgsql;
using Outreach.InvitationService.Provider;

namespace Outreach.InvitationService.Invitations;

/// <summary>
/// What this sender already did with this person, checked here before a quota slot or a provider call is spent on a
/// send LinkedIn would refuse anyway. The provider checks the same rules; its answer stands when ours knew nothing.
/// </summary>
public static class RecipientHistory
{
    public static async Task<ProviderError?> RefusalAsync(NpgsqlDataSource db, string senderKey, string recipientProviderId, string? exceptInvitationId,
        DateTimeOffset now, int cooldownDays, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT status, withdrawn_at FROM invitation_list
            WHERE sender_key = $1 AND recipient_provider_id = $2 AND status IN ('sending', 'sent', 'accepted', 'withdrawn') AND invitation_id <> $3
            """);
        command.Parameters.AddWithValue(senderKey);
        command.Parameters.AddWithValue(recipientProviderId);
        command.Parameters.AddWithValue(exceptInvitationId ?? "");
        var statuses = new List<(string Status, DateTimeOffset? WithdrawnAt)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                statuses.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1)));
        }

        if (statuses.Any(s => s.Status == InvitationStatus.Accepted))
            return InvitationErrors.AlreadyConnectedError();
        if (statuses.Any(s => s.Status is InvitationStatus.Sending or InvitationStatus.Sent))
            return InvitationErrors.AlreadyInvitedRecentlyError();
        var lastWithdrawal = statuses.Where(s => s.WithdrawnAt is not null).Select(s => s.WithdrawnAt!.Value).DefaultIfEmpty().Max();
        if (lastWithdrawal != default && lastWithdrawal.AddDays(cooldownDays) > now)
            return InvitationErrors.CannotResendYetError(lastWithdrawal.AddDays(cooldownDays));
        return null;
    }
}
