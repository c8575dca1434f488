namespace Outreach.InvitationService.Senders;

// invitation-service's own record of what identity-service told it about the LinkedIn accounts that may send,
// one stream per identity (sender-<identity id>), appended by the consumers of identity-service's messages.

/// <summary>From LinkedInConnected: the identity's LinkedIn account (ProviderAccountId, the API's account_id) may send.</summary>
/// Names and profile URLs stay out: this log cannot forget them when the identity is deleted, and sending needs neither.
public sealed record SenderConnected(string IdentityId, string AccountId, string KeyId, string? SeatId, string ProviderAccountId, DateTimeOffset ConnectedAt);

/// <summary>From LinkedInDisconnected: its session ended; sends stop and its queue pauses until it connects again.</summary>
public sealed record SenderDisconnected(string IdentityId, string KeyId, string Reason, DateTimeOffset DisconnectedAt);

/// <summary>From IdentityDeleted: the identity and its LinkedIn connection are gone for good.</summary>
public sealed record SenderRemoved(string IdentityId, string KeyId, DateTimeOffset RemovedAt);
