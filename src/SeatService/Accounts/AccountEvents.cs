namespace Outreach.SeatService.Accounts;

public sealed record AccountCreated(string AccountId, string Name, DateTimeOffset CreatedAt);

/// <summary>Only hashes are stored: the access key and the secret are shown once, at issue.</summary>
public sealed record AccessKeyIssued(string AccountId, string KeyId, string AccessKeyHash, string SecretHash, DateTimeOffset IssuedAt);

public sealed record AccessKeyRevoked(string AccountId, string KeyId, DateTimeOffset RevokedAt);

/// <summary>The operator set the account's per-key rate limit; null returns it to the services' default.</summary>
public sealed record AccountRateLimitSet(string AccountId, int? RequestsPerMinute, DateTimeOffset SetAt);
