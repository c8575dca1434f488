namespace Outreach.Contracts;

/// <summary>A seat was deleted by the disconnect action: its identity and stored session are to be destroyed, its queued invitations cancelled.</summary>
public sealed record SeatDisconnected(string SeatId, string AccountId, string KeyId, DateTimeOffset DisconnectedAt);
