namespace Outreach.LinkedInSandbox.Invitations;

/// <summary>
/// Everything one LinkedIn member has sent, over all its logins: LinkedIn counts limits, pending invitations and
/// relations per member, not per API session, so a new account_id for the same username sees the same ledger.
/// Every read and write holds <see cref="Gate"/> and calls <see cref="Refresh"/> first, which applies acceptances
/// whose time has come (lazily, as the in-app approval of a login is).
/// </summary>
public sealed class MemberLedger(string memberId)
{
    private readonly List<SentInvitation> _sent = [];
    private long _ordinal;

    public string MemberId => memberId;
    public Lock Gate { get; } = new();

    public IEnumerable<SentInvitation> Pending => _sent.Where(invitation => invitation.IsPending);

    public IEnumerable<SentInvitation> Accepted => _sent.Where(invitation => invitation.AcceptedAt is not null);

    public long NextOrdinal() => ++_ordinal;

    public void Add(SentInvitation invitation) => _sent.Add(invitation);

    public void Refresh(DateTimeOffset now)
    {
        foreach (var invitation in _sent)
            invitation.AcceptIfDue(now);
    }

    public SentInvitation? Find(string invitationId) => _sent.Find(invitation => invitation.Id == invitationId);

    public bool IsConnectedTo(string publicIdentifier) => Accepted.Any(invitation => invitation.RecipientPublicIdentifier == publicIdentifier);

    public bool HasPendingTo(string publicIdentifier) => Pending.Any(invitation => invitation.RecipientPublicIdentifier == publicIdentifier);

    public DateTimeOffset? LastWithdrawalTo(string publicIdentifier) =>
        _sent.Where(invitation => invitation.RecipientPublicIdentifier == publicIdentifier && invitation.WithdrawnAt is not null)
            .Max(invitation => invitation.WithdrawnAt);

    /// <summary>Send times after <paramref name="since"/>, oldest first: withdrawn and accepted ones count, as sends.</summary>
    public List<DateTimeOffset> SentAfter(DateTimeOffset since) =>
        _sent.Where(invitation => invitation.SentAt > since).Select(invitation => invitation.SentAt).Order().ToList();

    /// <summary>Accepted invitations the webhooks have not heard of yet; marks them heard.</summary>
    public List<SentInvitation> TakeUnannounced()
    {
        var fresh = Accepted.Where(invitation => !invitation.Announced).ToList();
        foreach (var invitation in fresh)
            invitation.Announced = true;
        return fresh;
    }
}
