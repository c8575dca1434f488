namespace Outreach.Contracts;

/// <summary>A seat was suspended: its LinkedIn session must end and its sends must stop. Tenant = the access key the seat lives under.</summary>
public sealed record SeatSuspended(string SeatId, string AccountId, string KeyId, DateTimeOffset SuspendedAt);
