namespace Outreach.SeatService.Members;

public sealed record MemberInvited(string InviteToken, string AccountId, string Email, string AccountType, string? PlatformLink,
    string InvitedByKeyId, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt);

/// <summary>An administrator withdrew the invitation.</summary>
public sealed record MemberInvitationRemoved(string InviteToken, string AccountId, DateTimeOffset RemovedAt);

/// <summary>The same email was invited again after this invitation expired; the newer one replaces it.</summary>
public sealed record MemberInvitationSuperseded(string InviteToken, string AccountId, string SupersededBy, DateTimeOffset SupersededAt);
