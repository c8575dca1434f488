using Npgsql;
using Outreach.SeatService.Auth;

namespace Outreach.SeatService.Connect;

public enum ConnectLinkStatus { Valid, Unknown, Expired, Superseded, Used, Suspended }

public sealed record ConnectLinkLookup(ConnectLinkStatus Status, string? SeatId, string? AccountName);

/// <summary>Validates a connect-link token against the connect_links read table.</summary>
public sealed class ConnectLinkState(NpgsqlDataSource db, TimeProvider clock)
{
    public async Task<ConnectLinkLookup> LookupAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(ConnectLinks.TokenPrefix, StringComparison.Ordinal) || token.Length > 64)
            return new ConnectLinkLookup(ConnectLinkStatus.Unknown, null, null);

        await using var command = db.CreateCommand("""
            SELECT l.seat_id, l.expires_at, l.superseded_at IS NOT NULL, l.used_at IS NOT NULL, a.name, s.status = 'suspended'
            FROM connect_links l
            JOIN seat_list s ON s.seat_id = l.seat_id
            JOIN accounts a ON a.account_id = s.account_id
            WHERE l.token_hash = $1
            """);
        command.Parameters.AddWithValue(Secrets.Hash(token));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return new ConnectLinkLookup(ConnectLinkStatus.Unknown, null, null);

        var seatId = reader.GetString(0);
        var accountName = reader.GetString(4);
        // A suspended seat's link stops working at once (seed 000: unsuspend issues a new one); asked of the seat's
        // status rather than written onto the link, so links issued before this rule existed obey it too.
        // A replaced link says so even when it had been used: the newest link is what the person needs to hear about.
        var status = reader.GetBoolean(5) ? ConnectLinkStatus.Suspended
            : reader.GetBoolean(2) ? ConnectLinkStatus.Superseded
            : reader.GetBoolean(3) ? ConnectLinkStatus.Used
            : reader.GetFieldValue<DateTimeOffset>(1) <= clock.GetUtcNow() ? ConnectLinkStatus.Expired
            : ConnectLinkStatus.Valid;
        return new ConnectLinkLookup(status, seatId, accountName);
    }
}
