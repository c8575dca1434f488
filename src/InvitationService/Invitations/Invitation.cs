namespace Outreach.InvitationService.Invitations;

/// <summary>The invitation aggregate: where it stands, rebuilt from its stream.</summary>
public sealed partial class Invitation
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string Status { get; private set; } = InvitationStatus.Queued;
    public string AccountId { get; private set; } = "";
    public string KeyId { get; private set; } = "";
    public string? SeatId { get; private set; }
    public string IdentityId { get; private set; } = "";
    public string SenderKey { get; private set; } = "";
    public string? RecipientProviderId { get; private set; }
    public string? RecipientPublicIdentifier { get; private set; }
    public string? Message { get; private set; }
    public string? UserEmail { get; private set; }
    public string? ProviderAccountId { get; private set; }
    public string? ProviderInvitationId { get; private set; }
    public DateOnly? QuotaDay { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>How often a queued send was put back to wait (a lost outcome, an account LinkedIn had already logged out).</summary>
    public int Requeues { get; private set; }
    public string? BatchId { get; private set; }

    /// <summary>Queued by a batch (paced, retried when the provider did not answer) rather than sent at a caller's request.</summary>
    public bool IsQueuedSend => BatchId is not null;

    public void Apply(InvitationRequested e)
    {
        Id = e.InvitationId;
        AccountId = e.AccountId;
        KeyId = e.KeyId;
        SeatId = e.SeatId;
        IdentityId = e.IdentityId;
        SenderKey = e.SenderKey;
        RecipientProviderId = e.RecipientProviderId;
        RecipientPublicIdentifier = e.RecipientPublicIdentifier;
        Message = e.Message;
        UserEmail = e.UserEmail;
        BatchId = e.BatchId;
        Status = InvitationStatus.Queued;
    }

    public void Apply(InvitationSendStarted e)
    {
        Status = InvitationStatus.Sending;
        ProviderAccountId = e.ProviderAccountId;
        RecipientProviderId = e.RecipientProviderId;
        QuotaDay = e.QuotaDay;
        StartedAt = e.StartedAt;
        Attempts++;
    }

    public void Apply(InvitationSent e)
    {
        Status = InvitationStatus.Sent;
        ProviderInvitationId = e.ProviderInvitationId;
    }

    public void Apply(InvitationFailed e) => Status = InvitationStatus.Failed;

    public void Apply(InvitationRequeued e)
    {
        Status = InvitationStatus.Queued;
        Requeues++;
    }

    public void Apply(InvitationWithdrawn e) => Status = InvitationStatus.Withdrawn;

    public void Apply(InvitationAccepted e) => Status = InvitationStatus.Accepted;

    public void Apply(InvitationCancelled e) => Status = InvitationStatus.Cancelled;
}

public static class InvitationStatus
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Withdrawn = "withdrawn";
    public const string Accepted = "accepted";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Queued, Sending, Sent, Failed, Withdrawn, Accepted, Cancelled };
}
