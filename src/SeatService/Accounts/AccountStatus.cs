using Npgsql;

namespace Outreach.SeatService.Accounts;

/// <summary>
/// GET /admin/accounts/{account_id}/status: what the operator bills. Seed 000's action summary says a seat is billed
/// from add until disconnect (suspended and pending seats keep theirs; a migrated seat moves to its new key), so
/// seats_in_use counts every seat that is not deleted, per key and in all.
/// </summary>
public static class AccountStatus
{
    public sealed record KeyStatus(string KeyId, bool Revoked, int SeatsInUse);

    public sealed record Response(string AccountId, string Name, int SeatsInUse, IReadOnlyList<KeyStatus> Keys);

    public static async Task<IResult> Handle(string accountId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT a.name, k.key_id, k.revoked_at IS NOT NULL,
                   (SELECT count(*) FROM seat_list s WHERE s.key_id = k.key_id AND s.account_id = a.account_id AND s.status <> 'deleted')
            FROM accounts a
            LEFT JOIN access_keys k ON k.account_id = a.account_id
            WHERE a.account_id = $1
            ORDER BY k.issued_at, k.key_id
            """);
        command.Parameters.AddWithValue(accountId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        string? name = null;
        var keys = new List<KeyStatus>();
        while (await reader.ReadAsync(ct))
        {
            name = reader.GetString(0);
            if (!reader.IsDBNull(1))
                keys.Add(new KeyStatus(reader.GetString(1), reader.GetBoolean(2), checked((int)reader.GetInt64(3))));
        }
        return name is null
            ? Problems.NotFound("account")
            : Results.Ok(new Response(accountId, name, keys.Sum(k => k.SeatsInUse), keys));
    }
}
