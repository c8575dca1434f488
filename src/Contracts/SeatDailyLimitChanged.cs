namespace Outreach.Contracts;

/// <summary>The number of invitations a seat may send per UTC day changed.</summary>
public sealed record SeatDailyLimitChanged(string SeatId, string AccountId, string KeyId, int DailyLimit, DateTimeOffset ChangedAt);
