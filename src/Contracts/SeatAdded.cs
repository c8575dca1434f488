namespace Outreach.Contracts;

/// <summary>A seat was created under an access key; it is pending until its person connects LinkedIn.</summary>
public sealed record SeatAdded(string SeatId, string AccountId, string KeyId, int DailyLimit, DateTimeOffset AddedAt);
