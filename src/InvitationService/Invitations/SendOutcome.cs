using Outreach.InvitationService.Provider;

namespace Outreach.InvitationService.Invitations;

/// <summary>How one send ended, for the route to answer and the queue to act on.</summary>
public abstract record SendOutcome
{
    private SendOutcome() { }

    public sealed record Sent(string InvitationId, int? Usage) : SendOutcome;

    /// <summary>LinkedIn refused it (passed on as the provider's error); the quota slot came back.</summary>
    public sealed record Refused(string InvitationId, ProviderError Error) : SendOutcome;

    /// <summary>The sender's day is full; nothing was sent or stored. Retry after the given seconds (the next UTC day).</summary>
    public sealed record LimitReached(int Limit, int RetryAfterSeconds) : SendOutcome;

    /// <summary>The sender may not send now (disconnected, seat not active); nothing was sent.</summary>
    public sealed record Paused(string Why) : SendOutcome;

    /// <summary>The provider could not be reached or did not answer: not sent, or not known yet (then reconciled later).</summary>
    public sealed record Unavailable(string InvitationId, string Detail) : SendOutcome;

    /// <summary>Nothing to do: the invitation is no longer queued (sent, withdrawn, cancelled meanwhile).</summary>
    public sealed record Skipped : SendOutcome;
}
