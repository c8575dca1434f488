namespace Outreach.Contracts;

/// <summary>An access key was revoked: services that cache what seat-service said about it forget it now. Ids only.</summary>
public sealed record AccessKeyRevoked(string AccountId, string KeyId, DateTimeOffset RevokedAt);
