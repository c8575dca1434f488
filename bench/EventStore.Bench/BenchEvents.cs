namespace Outreach.EventStore.Bench.Events;

/// <summary>A realistic small event body (about 150 bytes of JSON).</summary>
public sealed record SeatAdded(string SeatId, string AccountId, string KeyId, int DailyLimit, DateTimeOffset AddedAt)
{
    public static SeatAdded For(string seatId) =>
        new(seatId, "acc_01HZX4W5Q9K3M2", "key_01HZX4W5QAB7", 25, DateTimeOffset.UnixEpoch.AddDays(20_000));
}

/// <summary>The integration message the relay publishes for it.</summary>
public sealed record SeatAddedMessage(string SeatId, string AccountId, string KeyId);
