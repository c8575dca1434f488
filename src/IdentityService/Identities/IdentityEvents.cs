namespace Outreach.IdentityService.Identities;

// Personal fields (names, role) are sealed with the identity's own key (PersonalDataCipher): the log keeps them only
// as long as the identity exists.

public sealed record IdentityCreated(string IdentityId, string AccountId, string KeyId, string? SeatId,
    string SealedFirstName, string SealedLastName, string SealedRole, DateTimeOffset CreatedAt);

/// <summary>Only the fields that changed are set.</summary>
public sealed record IdentityProfileUpdated(string IdentityId, string? SealedFirstName, string? SealedLastName, string? SealedRole, DateTimeOffset UpdatedAt);

/// <summary>The identity is gone, its key destroyed with it: its personal data in the log can no longer be read.</summary>
public sealed record IdentityDeleted(string IdentityId, string AccountId, string KeyId, string? SeatId, DateTimeOffset DeletedAt);

/// <summary>The identity's seat moved to another key of the same account (seat-service's UserMigrated); its connection is kept.</summary>
public sealed record IdentityMigrated(string IdentityId, string AccountId, string FromKeyId, string ToKeyId, DateTimeOffset MigratedAt);
