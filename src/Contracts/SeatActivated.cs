namespace Outreach.Contracts;

/// <summary>A seat finished onboarding and may send.</summary>
public sealed record SeatActivated(string SeatId, string AccountId, string KeyId, DateTimeOffset ActivatedAt);
