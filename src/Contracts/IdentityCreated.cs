namespace Outreach.Contracts;

/// <summary>An identity was created under an access key (with its seat, when it came from a connect link). No personal data.</summary>
public sealed record IdentityCreated(string IdentityId, string AccountId, string KeyId, string? SeatId, DateTimeOffset CreatedAt);
