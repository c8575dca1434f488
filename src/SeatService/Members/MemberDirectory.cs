using Npgsql;

namespace Outreach.SeatService.Members;

/// <summary>Queries over member_list, always within one account.</summary>
public static class MemberDirectory
{
    public static async Task<MemberRow?> FindAsync(NpgsqlDataSource db, string accountId, string? uid, CancellationToken ct)
    {
        if (!MemberIds.IsUid(uid))
            return null;
        await using var command = db.CreateCommand($"SELECT {MemberRow.Columns} FROM member_list WHERE user_uid = $1 AND account_id = $2");
        command.Parameters.AddWithValue(uid!);
        command.Parameters.AddWithValue(accountId);
        return (await ReadAllAsync(command, ct)).SingleOrDefault();
    }

    /// <summary>Whether another active member of the account already uses this email.</summary>
    public static async Task<bool> EmailInUseAsync(NpgsqlDataSource db, string accountId, string email, string? exceptUid, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM member_list
                           WHERE account_id = $1 AND email_key = $2 AND status = 'active' AND user_uid IS DISTINCT FROM $3)
            """);
        command.Parameters.AddWithValue(accountId);
        command.Parameters.AddWithValue(MemberFields.EmailKey(email));
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)exceptUid ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Active members of one type, in order of joining.</summary>
    public static async Task<IReadOnlyList<MemberRow>> ActiveAsync(NpgsqlDataSource db, string accountId, string? accountType, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            SELECT {MemberRow.Columns} FROM member_list
            WHERE account_id = $1 AND status = 'active' AND ($2::text IS NULL OR account_type = $2)
            ORDER BY created_at, user_uid
            """);
        command.Parameters.AddWithValue(accountId);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)accountType ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await ReadAllAsync(command, ct);
    }

    internal static async Task<IReadOnlyList<MemberRow>> ReadAllAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var rows = new List<MemberRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(MemberRow.Read(reader));
        return rows;
    }
}
