using Npgsql;

namespace Outreach.SeatService.Members;

/// <summary>Queries over member_invitations (open invitations only; removed and replaced ones have no row).</summary>
public static class InvitationDirectory
{
    public static async Task<IReadOnlyList<InvitationRow>> ListAsync(NpgsqlDataSource db, string accountId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            SELECT {InvitationRow.Columns} FROM member_invitations WHERE account_id = $1 ORDER BY invited_at, invite_token
            """);
        command.Parameters.AddWithValue(accountId);
        return await ReadAllAsync(command, ct);
    }

    public static async Task<InvitationRow?> FindByEmailAsync(NpgsqlDataSource db, string accountId, string email, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            SELECT {InvitationRow.Columns} FROM member_invitations WHERE account_id = $1 AND email_key = $2
            """);
        command.Parameters.AddWithValue(accountId);
        command.Parameters.AddWithValue(MemberFields.EmailKey(email));
        return (await ReadAllAsync(command, ct)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<InvitationRow>> ReadAllAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var rows = new List<InvitationRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new InvitationRow(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return rows;
    }
}
