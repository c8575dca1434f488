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
