namespace Outreach.Contracts;

/// <summary>An invitation did not go out: the provider refused it (Type is its errors/… type) or could not be reached. Ids only.</summary>
public sealed record InvitationFailed(string InvitationId, string AccountId, string KeyId, string? SeatId, string Reason, string? Type, DateTimeOffset FailedAt);
