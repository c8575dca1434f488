namespace Outreach.LinkedInSandbox.Invitations;

/// <summary>
/// One invitation a LinkedIn member sent. Mutable (withdrawn, accepted), so it is read and changed only under its
/// <see cref="MemberLedger"/>'s gate. Kept after it stops pending: limits count sends, and withdrawals start a cooldown.
/// </summary>
public sealed class SentInvitation
{
    /// <summary>LinkedIn-style numeric id, 19 digits.</summary>
    public required string Id { get; init; }
    /// <summary>The member's n-th send: orders invitations sent within the same tick.</summary>
    public required long Ordinal { get; init; }
    /// <summary>The login (account_id) it was sent from; the member may have logged in again since.</summary>
    public required string SenderAccountId { get; init; }
    public required string RecipientPublicIdentifier { get; init; }
    /// <summary>The recipient's provider_id as the sending member sees it (the same for all the member's logins).</summary>
    public required string RecipientProviderId { get; init; }
    public required string Message { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    /// <summary>When the recipient accepts, decided at send time; null when they never will.</summary>
    public required DateTimeOffset? AcceptsAt { get; init; }

    public DateTimeOffset? WithdrawnAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    /// <summary>The acceptance has been handed to the webhooks (once, whoever noticed it first).</summary>
    public bool Announced { get; set; }

    public bool IsPending => WithdrawnAt is null && AcceptedAt is null;

    public void Withdraw(DateTimeOffset now) => WithdrawnAt = now;

    /// <summary>Accepts when its time has come; true when that happened now.</summary>
    public bool AcceptIfDue(DateTimeOffset now)
    {
        if (!IsPending || AcceptsAt is not { } at || at > now)
            return false;
        // Dated when it happened on "LinkedIn", not when we noticed, so relations sort as they would there.
        AcceptedAt = at;
        return true;
    }
}
