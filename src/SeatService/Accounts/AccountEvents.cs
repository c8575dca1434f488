namespace Outreach.SeatService.Accounts;

public sealed record AccountCreated(string AccountId, string Name, DateTimeOffset CreatedAt);

/// <summary>Only hashes are stored: the access key and the secret are shown once, at issue.</summary>
public sealed record AccessKeyIssued(string AccountId, string KeyId, string AccessKeyHash, string SecretHash, DateTimeOffset IssuedAt);

public sealed record AccessKeyRevoked(string AccountId, string KeyId, DateTimeOffset RevokedAt);
