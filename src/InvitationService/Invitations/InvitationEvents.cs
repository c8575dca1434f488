namespace Outreach.InvitationService.Invitations;

// One stream per invitation (its id, inv_…). A direct send records InvitationRequested and InvitationSendStarted in
// one commit before the provider is called; a queued one records InvitationRequested when queued and
// InvitationSendStarted when its turn comes. The recipient is the provider_id as the sending account sees it, or,
// for a queued send by public identifier, the public identifier until the send resolves it.

public sealed record InvitationRequested(string InvitationId, string AccountId, string KeyId, string? SeatId, string IdentityId,
    string SenderKey, string? RecipientProviderId, string? RecipientPublicIdentifier, string? Message, string? UserEmail,
    string? BatchId, DateTimeOffset RequestedAt)
{
    public bool Queued => BatchId is not null;
}

/// <summary>Its slot of the day's quota is taken and the provider is about to be called, from this provider account.</summary>
public sealed record InvitationSendStarted(string InvitationId, string ProviderAccountId, string RecipientProviderId, DateOnly QuotaDay, DateTimeOffset StartedAt);

public sealed record InvitationSent(string InvitationId, string AccountId, string KeyId, string? SeatId, string ProviderAccountId,
    string ProviderInvitationId, int? Usage, DateTimeOffset SentAt);

/// <summary>The provider refused it, or it was never sent. Type is Unipile's (errors/…) when the provider decided.</summary>
public sealed record InvitationFailed(string InvitationId, string AccountId, string KeyId, string? SeatId, string Reason, string? Type, DateTimeOffset FailedAt);

/// <summary>A queued send that could not tell whether it happened, and found at the provider that it did not: it waits again.</summary>
public sealed record InvitationRequeued(string InvitationId, string Reason, DateTimeOffset RequeuedAt);

public sealed record InvitationWithdrawn(string InvitationId, string KeyId, DateTimeOffset WithdrawnAt);

public sealed record InvitationAccepted(string InvitationId, string AccountId, string KeyId, string? SeatId, string ProviderAccountId, DateTimeOffset AcceptedAt);

/// <summary>A queued send dropped before it went out (its seat was deleted).</summary>
public sealed record InvitationCancelled(string InvitationId, string KeyId, string Reason, DateTimeOffset CancelledAt);
