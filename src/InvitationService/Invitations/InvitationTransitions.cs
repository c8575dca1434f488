namespace Outreach.InvitationService.Invitations;

/// <summary>
/// Which step an invitation may take next, in one place: the dispatcher, the withdraw route, the acceptance watcher
/// and tests/Domain.Properties.Tests all ask these. queued → sending → sent / failed (or queued again); queued or
/// sent → withdrawn; sent → accepted; queued → cancelled. Failed, withdrawn, accepted and cancelled are final.
/// </summary>
public sealed partial class Invitation
{
    /// <summary>Only a queued invitation takes a slot of the day and goes to the provider.</summary>
    public bool CanStartSend => Status == InvitationStatus.Queued;

    /// <summary>A send whose provider call started and whose outcome is not recorded yet.</summary>
    public bool IsAwaitingOutcome => Status == InvitationStatus.Sending;

    /// <summary>Not while sending (the outcome is unknown), nor once accepted, failed, withdrawn or cancelled.</summary>
    public bool CanBeWithdrawn => Status is InvitationStatus.Queued or InvitationStatus.Sent;

    public bool CanBeAccepted => Status == InvitationStatus.Sent;

    public bool CanBeCancelled => Status == InvitationStatus.Queued;
}
