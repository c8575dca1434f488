using Npgsql;

namespace Outreach.InvitationService.Invitations;

/// <summary>A row of invitation_list as the list routes show it.</summary>
public sealed record InvitationRow(long Position, string Id, string IdentityId, string SenderKey, string? ProviderAccountId, string? RecipientProviderId,
    string? RecipientPublicIdentifier, string? Message, string? BatchId, string Status, string? Reason, string? ErrorType, string? ProviderInvitationId,
    DateTimeOffset RequestedAt, DateTimeOffset? SentAt, DateTimeOffset? AcceptedAt, DateTimeOffset? WithdrawnAt)
{
    public const string Columns = """
        i.position, i.invitation_id, i.identity_id, i.sender_key, COALESCE(i.provider_account_id, a.provider_account_id), i.recipient_provider_id,
        i.recipient_public_identifier, i.message, i.batch_id, i.status, i.reason, i.error_type, i.provider_invitation_id,
        i.requested_at, i.sent_at, i.accepted_at, i.withdrawn_at
        """;

    /// <summary>invitation_list joined to the sender, for the account a row was (or will be) sent from.</summary>
    public const string From = "invitation_list i LEFT JOIN sending_accounts a ON a.identity_id = i.identity_id";

    public static InvitationRow Read(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Text(r, 4), Text(r, 5),
        Text(r, 6), Text(r, 7), Text(r, 8), r.GetString(9), Text(r, 10), Text(r, 11), Text(r, 12), r.GetFieldValue<DateTimeOffset>(13),
        Time(r, 14), Time(r, 15), Time(r, 16));

    /// <summary>
    /// One page of the caller's invitations, newest first, optionally only those of one sender and of some statuses.
    /// One more row than asked is read, to know whether a next page exists.
    /// </summary>
    public static async Task<(IReadOnlyList<InvitationRow> Rows, string? Cursor)> PageAsync(NpgsqlDataSource db, string keyId, string accountId,
        string? identityId, string[]? statuses, long before, int limit, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            SELECT {Columns} FROM {From}
            WHERE i.key_id = $1 AND i.account_id = $2 AND ($3::text IS NULL OR i.identity_id = $3) AND ($4::text[] IS NULL OR i.status = ANY($4))
              AND i.position < $5
            ORDER BY i.position DESC LIMIT $6
            """);
        command.Parameters.AddWithValue(keyId);
        command.Parameters.AddWithValue(accountId);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)identityId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)statuses ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(before);
        command.Parameters.AddWithValue(limit + 1);
        var rows = new List<InvitationRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(Read(reader));
        if (rows.Count <= limit)
            return (rows, null);
        rows.RemoveAt(limit);
        return (rows, InvitationFields.Cursor(rows[^1].Position));
    }

    public static async Task<InvitationRow?> FindAsync(NpgsqlDataSource db, string keyId, string accountId, string invitationId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM {From} WHERE i.invitation_id = $1 AND i.key_id = $2 AND i.account_id = $3");
        command.Parameters.AddWithValue(invitationId);
        command.Parameters.AddWithValue(keyId);
        command.Parameters.AddWithValue(accountId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
