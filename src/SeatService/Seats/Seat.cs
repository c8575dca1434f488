namespace Outreach.SeatService.Seats;

/// <summary>A LinkedIn sender under an access key. Rebuilt from its stream; decides which transitions are legal.</summary>
public sealed partial class Seat
{
    public string Id { get; private set; } = "";
    public string AccountId { get; private set; } = "";
    public string KeyId { get; private set; } = "";
    public SeatStatus Status { get; private set; }
    public int DailyLimit { get; private set; }
    public string? ConnectTokenHash { get; private set; }
    public DateTimeOffset? ConnectLinkExpiresAt { get; private set; }

    /// <summary>Set by the connect link's sign-up: the seat's identity in identity-service and its person's sealed email.</summary>
    public string? IdentityId { get; private set; }
    public string? SealedEmail { get; private set; }

    /// <summary>Hashes of the onboarding cookies of the browsers bound to this seat's onboarding.</summary>
    public IReadOnlyCollection<string> OnboardingBrowsers => _browsers;

    private readonly HashSet<string> _browsers = [];

    public bool IsSignedUp => IdentityId is not null;

    /// <summary>The LinkedIn login the connect page follows, the latest one started from the link.</summary>
    public string? LoginSessionId { get; private set; }

    public bool IsLinkedInConnected { get; private set; }

    /// <summary>The setup wizard's answers, each step its own event, so a reopened link resumes where it was left.</summary>
    public string? Product { get; private set; }
    public string? TimeZone { get; private set; }
    public int StartMinute { get; private set; }
    public int EndMinute { get; private set; }
    public bool ProductConfirmed { get; private set; }

    public void Apply(SeatAdded e)
    {
        Id = e.SeatId;
        AccountId = e.AccountId;
        KeyId = e.KeyId;
        DailyLimit = e.DailyLimit;
        Status = SeatStatus.Pending;
    }

    public void Apply(ConnectLinkIssued e)
    {
        ConnectTokenHash = e.TokenHash;
        ConnectLinkExpiresAt = e.ExpiresAt;
    }

    public void Apply(Connect.SeatSignedUp e)
    {
        IdentityId = e.IdentityId;
        SealedEmail = e.SealedEmail;
        _browsers.Add(e.BrowserHash);
    }

    public void Apply(Connect.OnboardingBrowserBound e) => _browsers.Add(e.BrowserHash);

    public void Apply(Connect.OnboardingLoginStarted e) => LoginSessionId = e.SessionId;

    public void Apply(Connect.OnboardingProductAdded e)
    {
        Product = e.Product;
        ProductConfirmed = false;
    }

    public void Apply(Connect.SeatWorkingHoursSet e)
    {
        TimeZone = e.TimeZone;
        StartMinute = e.StartMinute;
        EndMinute = e.EndMinute;
    }

    public void Apply(Connect.OnboardingProductConfirmed e) => ProductConfirmed = true;

    public void Apply(SeatActivated e) => Status = SeatStatus.Active;

    /// <summary>Suspension ends the seat's LinkedIn session (identity-service wipes it): onboarding must connect again.</summary>
    public void Apply(SeatSuspended e)
    {
        Status = SeatStatus.Suspended;
        IsLinkedInConnected = false;
        LoginSessionId = null;
    }

    public void Apply(SeatUnsuspended e) => Status = SeatStatus.Pending;

    public void Apply(SeatMigrated e) => KeyId = e.ToKeyId;

    public void Apply(SeatDisconnected e)
    {
        Status = SeatStatus.Deleted;
        ConnectTokenHash = null;
    }

    public void Apply(SeatDailyLimitChanged e) => DailyLimit = e.DailyLimit;

    /// <summary>Reconnecting after a drop brings the seat back; a pending seat still has its setup to finish.</summary>
    public void Apply(SeatLinkedInConnected e)
    {
        IsLinkedInConnected = true;
        if (Status == SeatStatus.Disconnected)
            Status = SeatStatus.Active;
    }

    public void Apply(SeatLinkedInDropped e)
    {
        Status = SeatStatus.Disconnected;
        IsLinkedInConnected = false;
    }

    public bool CanSuspend => Status is SeatStatus.Active or SeatStatus.Disconnected;

    public bool CanUnsuspend => Status == SeatStatus.Suspended;

    public bool IsDeleted => Status == SeatStatus.Deleted;
}
