namespace Outreach.SeatService.Connect;

/// <summary>
/// The person on the link signed up. Name and email are personal: sealed with the seat's key. BrowserHash is the
/// hash of the onboarding cookie that binds their browser (never the cookie itself, never the link token).
/// </summary>
public sealed record SeatSignedUp(string SeatId, string IdentityId, string SealedFirstName, string SealedLastName, string SealedEmail,
    string BrowserHash, DateTimeOffset SignedUpAt);

/// <summary>The same person (same sign-up email) took the onboarding up in another browser: that browser is bound too.</summary>
public sealed record OnboardingBrowserBound(string SeatId, string BrowserHash, DateTimeOffset BoundAt);

/// <summary>The person started a LinkedIn login from the link: the seat remembers which login session to follow (its id, no credential).</summary>
public sealed record OnboardingLoginStarted(string SeatId, string SessionId, DateTimeOffset StartedAt);

/// <summary>Wizard step 1, Add Product: what the person sells (business text, not personal data).</summary>
public sealed record OnboardingProductAdded(string SeatId, string Product, DateTimeOffset AddedAt);

/// <summary>Wizard step 2, Profile Settings: the sending window (relayed as Contracts.SeatWorkingHoursChanged, every day).</summary>
public sealed record SeatWorkingHoursSet(string SeatId, string AccountId, string KeyId, string TimeZone, int StartMinute, int EndMinute, DateTimeOffset ChangedAt);

/// <summary>Wizard step 3, Review Product: the person confirmed what they entered.</summary>
public sealed record OnboardingProductConfirmed(string SeatId, DateTimeOffset ConfirmedAt);
