using Npgsql;
using Outreach.InvitationService.Seats;

namespace Outreach.InvitationService.Senders;

/// <summary>A sending account as invitation-service knows it: its identity, its seat (if any) and whether it may send now.</summary>
public sealed record SenderView(string IdentityId, string AccountId, string KeyId, string? SeatId, string ProviderAccountId, bool Connected,
    string? SeatStatus, int? SeatDailyLimit)
{
    public string SenderKey => SenderGate.KeyOf(SeatId, IdentityId);

    /// <summary>The seat's daily limit, or the default for an account without a seat.</summary>
    public int DailyLimit => SeatId is null ? SeatViews.DefaultDailyLimit : SeatDailyLimit ?? SeatViews.DefaultDailyLimit;

    /// <summary>Why it may not send now, or null when it may: its LinkedIn session must be alive and its seat, if any, active.</summary>
    public string? WhyNotSending =>
        !Connected ? "The LinkedIn account is disconnected; its identity must log in again."
        : SeatId is not null && SeatStatus != "active" ? $"The account's seat is {SeatStatus ?? "not active yet"}; only an active seat sends."
        : null;

    private const string Select = """
        SELECT a.identity_id, a.account_id, a.key_id, a.seat_id, a.provider_account_id, a.connected, s.status, s.daily_limit
        FROM sending_accounts a LEFT JOIN seat_views s ON s.seat_id = a.seat_id
        """;

    /// <summary>The account_id of the public API, if it is a LinkedIn account of an identity under the caller's key.</summary>
    public static async Task<SenderView?> ForCallerAsync(NpgsqlDataSource db, string providerAccountId, string accountId, string keyId, CancellationToken ct) =>
        await FirstAsync(db, Select + " WHERE a.provider_account_id = $1 AND a.account_id = $2 AND a.key_id = $3 AND NOT a.removed ORDER BY a.updated_at DESC LIMIT 1",
            [providerAccountId, accountId, keyId], ct);

    public static async Task<SenderView?> ForIdentityAsync(NpgsqlDataSource db, string identityId, CancellationToken ct) =>
        await FirstAsync(db, Select + " WHERE a.identity_id = $1 AND NOT a.removed", [identityId], ct);

    private static async Task<SenderView?> FirstAsync(NpgsqlDataSource db, string sql, object[] parameters, CancellationToken ct)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return null;
        return new SenderView(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetString(4), reader.GetBoolean(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetInt32(7));
    }
}
