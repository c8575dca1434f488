using Outreach.EventSourcing;

namespace Outreach.IdentityService.Seats;

/// <summary>
/// Whether a seat message's account is the one identity-service knows for that seat (from its identities or its seat
/// view). A message naming another account's seat is forged or misrouted and must change nothing. The account, not the
/// key: a seat keeps its account for life, while its key changes on migration.
/// </summary>
public static partial class SeatTenancy
{
    /// <summary>True when nothing here knows the seat yet, or it is known under <paramref name="accountId"/>.</summary>
    public static async Task<bool> IsOfAccountAsync(IDocumentSession session, string seatId, string accountId, CancellationToken ct)
    {
        var known = await session.QueryAsync(
            "SELECT account_id FROM identity_list WHERE seat_id = $1 UNION SELECT account_id FROM seat_views WHERE seat_id = $1",
            [seatId], reader => reader.GetString(0), ct);
        return known.Count == 0 || known.Contains(accountId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {Message} for seat {SeatId}: it names account {AccountId}, not the seat's")]
    public static partial void LogForeignAccount(ILogger logger, string message, string seatId, string accountId);
}
