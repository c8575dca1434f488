namespace Outreach.Contracts;

/// <summary>
/// An identity's LinkedIn login succeeded. <c>SeatId</c> names its seat when it came through a connect link. The name
/// and profile URL are public profile facts the seat list shows; the session token never travels.
/// </summary>
public sealed record LinkedInConnected(string IdentityId, string AccountId, string KeyId, string? SeatId,
    string ProviderAccountId, string ProfileId, string Name, string ProfileUrl, DateTimeOffset ConnectedAt);
