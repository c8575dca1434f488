using Outreach.EventSourcing;

namespace Outreach.SeatService.Seats;

/// <summary>
/// Per-seat keys for the seat's personal data in the log (PersonalDataCipher), in a deletable table: the disconnect
/// action deletes the key in the same transaction as the seat's deletion, which crypto-shreds the data.
/// </summary>
public static class SeatKeys
{
    public const string Migration = """
        CREATE TABLE seat_keys (
            seat_id text PRIMARY KEY,
            key bytea NOT NULL);
        """;

    /// <summary>The seat's key, or a new one queued for insertion with the session's commit.</summary>
    public static async Task<byte[]> GetOrCreateAsync(IDocumentSession session, string seatId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var keys = await session.QueryAsync("SELECT key FROM seat_keys WHERE seat_id = $1", [seatId], r => r.GetFieldValue<byte[]>(0), ct);
        if (keys.Count > 0)
            return keys[0];
        var key = PersonalDataCipher.NewKey();
        session.QueueSqlCommand("INSERT INTO seat_keys (seat_id, key) VALUES ($1, $2)", seatId, key);
        return key;
    }

    public static void Destroy(IDocumentSession session, string seatId)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.QueueSqlCommand("DELETE FROM seat_keys WHERE seat_id = $1", seatId);
    }

    public static async Task<byte[]?> FindAsync(SqlContext context, string seatId)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var command = context.CreateCommand("SELECT key FROM seat_keys WHERE seat_id = $1", seatId);
        return await command.ExecuteScalarAsync(context.CancellationToken) as byte[];
    }
}
