namespace Outreach.Contracts;

/// <summary>
/// A LinkedIn invitation left from a connected account. <c>SeatId</c> names the seat whose account sent it, when the
/// account belongs to a seat (API-created identities have none); seat-service counts it towards that seat's day.
/// </summary>
public sealed record InvitationSent(string InvitationId, string AccountId, string KeyId, string? SeatId, string LinkedInAccountId, DateTimeOffset SentAt);
