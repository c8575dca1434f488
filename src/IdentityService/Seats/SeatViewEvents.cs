namespace Outreach.IdentityService.Seats;

/// <summary>identity-service's record that a seat it knows of was suspended (from seat-service's SeatSuspended).</summary>
public sealed record SeatSuspensionApplied(string SeatId, string AccountId, string KeyId, DateTimeOffset SuspendedAt);
