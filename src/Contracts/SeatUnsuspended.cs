namespace Outreach.Contracts;

/// <summary>A suspended seat is pending again: its person must reconnect LinkedIn.</summary>
public sealed record SeatUnsuspended(string SeatId, string AccountId, string KeyId, DateTimeOffset UnsuspendedAt);
