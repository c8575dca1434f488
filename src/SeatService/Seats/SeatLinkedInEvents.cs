namespace Outreach.SeatService.Seats;

/// <summary>The seat's person connected LinkedIn. Name and URL are personal: sealed with the seat's key.</summary>
public sealed record SeatLinkedInConnected(string SeatId, string IdentityId, string SealedName, string SealedProfileUrl, DateTimeOffset ConnectedAt);

/// <summary>The seat's LinkedIn session dropped by itself (revoked or expired at the provider); the record stays.</summary>
public sealed record SeatLinkedInDropped(string SeatId, string Reason, DateTimeOffset DroppedAt);
