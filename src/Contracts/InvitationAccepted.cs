namespace Outreach.Contracts;

/// <summary>The person accepted an invitation sent from LinkedInAccountId (found at the provider). Ids only.</summary>
public sealed record InvitationAccepted(string InvitationId, string AccountId, string KeyId, string? SeatId, string LinkedInAccountId, DateTimeOffset AcceptedAt);
