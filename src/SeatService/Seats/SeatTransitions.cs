namespace Outreach.SeatService.Seats;

/// <summary>
/// The seat's decisions, pure: each answers the events a command appends, or null when the seat refuses it (and then
/// nothing is appended). The handlers and consumers call these, and tests/Domain.Properties.Tests states their rules
/// over any sequence of commands. Checks of the request itself (field shapes, the caller's key) stay in the handlers.
/// </summary>
public sealed partial class Seat
{
    public static IReadOnlyList<object>? Add(string seatId, string accountId, string keyId, int dailyLimit, string linkTokenHash,
        DateTimeOffset linkExpiresAt, DateTimeOffset now) =>
        DailyLimits.IsValid(dailyLimit)
            ? [new SeatAdded(seatId, accountId, keyId, dailyLimit, now), new ConnectLinkIssued(seatId, linkTokenHash, linkExpiresAt, now)]
            : null;

    public SeatSuspended? Suspend(DateTimeOffset now) => CanSuspend ? new SeatSuspended(Id, AccountId, KeyId, now) : null;

    /// <summary>Back to pending with a new connect link: the person must reconnect LinkedIn.</summary>
    public IReadOnlyList<object>? Unsuspend(string linkTokenHash, DateTimeOffset linkExpiresAt, DateTimeOffset now) =>
        CanUnsuspend ? [new SeatUnsuspended(Id, AccountId, KeyId, now), new ConnectLinkIssued(Id, linkTokenHash, linkExpiresAt, now)] : null;

    public SeatDisconnected? Disconnect(DateTimeOffset now) => IsDeleted ? null : new SeatDisconnected(Id, AccountId, KeyId, now);

    /// <summary>Only the key changes: status, limit and LinkedIn connection go with the seat.</summary>
    public SeatMigrated? MigrateTo(string toKeyId, DateTimeOffset now) =>
        IsDeleted || toKeyId == KeyId ? null : new SeatMigrated(Id, AccountId, KeyId, toKeyId, now);

    /// <summary>An empty list when the limit is already <paramref name="limit"/>: nothing to record, and not a refusal.</summary>
    public IReadOnlyList<object>? SetDailyLimit(int limit, DateTimeOffset now) =>
        IsDeleted || !DailyLimits.IsValid(limit) ? null
        : limit == DailyLimit ? []
        : [new SeatDailyLimitChanged(Id, AccountId, KeyId, limit, now)];

    /// <summary>The wizard's review step: only once a product and working hours were saved.</summary>
    public Connect.OnboardingProductConfirmed? ConfirmProduct(DateTimeOffset now) =>
        Product is not null && TimeZone is not null ? new Connect.OnboardingProductConfirmed(Id, now) : null;

    /// <summary>
    /// The setup wizard's last step. Only a pending seat: the connect page already refuses a suspended, deleted or
    /// used link, and this says so in the domain too, so no other path can activate a suspended seat.
    /// </summary>
    public bool CanActivate => Status == SeatStatus.Pending && ProductConfirmed && IsLinkedInConnected;

    public SeatActivated? Activate(DateTimeOffset now) => CanActivate ? new SeatActivated(Id, AccountId, KeyId, now) : null;

    /// <summary>
    /// identity-service's LinkedInConnected, for this seat's key and account only. A deleted seat ignores it, and so
    /// does a suspended one: suspension ended the seat's LinkedIn session, and a connection reported meanwhile (a login
    /// that finished after the logout) must not let the seat activate after unsuspend without connecting again.
    /// </summary>
    public SeatLinkedInConnected? RecordLinkedInConnected(string accountId, string keyId, string identityId, string sealedName,
        string sealedProfileUrl, DateTimeOffset connectedAt) =>
        IsDeleted || Status == SeatStatus.Suspended || keyId != KeyId || accountId != AccountId
            ? null
            : new SeatLinkedInConnected(Id, identityId, sealedName, sealedProfileUrl, connectedAt);

    /// <summary>A connection that dropped by itself, for this seat's key and account: only an active seat becomes disconnected.</summary>
    public SeatLinkedInDropped? RecordLinkedInDropped(string accountId, string keyId, string reason, DateTimeOffset droppedAt) =>
        Status != SeatStatus.Active || keyId != KeyId || accountId != AccountId ? null : new SeatLinkedInDropped(Id, reason, droppedAt);
}
