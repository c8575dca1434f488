namespace Outreach.Contracts;

/// <summary>An identity was deleted and its personal data destroyed; its LinkedIn connection is gone with it.</summary>
public sealed record IdentityDeleted(string IdentityId, string AccountId, string KeyId, string? SeatId, DateTimeOffset DeletedAt);
