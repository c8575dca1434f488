namespace Outreach.Onboarding.Tests.LinkedIn;

/// <summary>
/// The system with seat-service starting every LinkedIn login with a short max_verification_wait_time, so a test can
/// watch a login outlive its wait. A system of its own: the shared one keeps the 600 s default, which the tests that
/// enter codes on 2 busy cores rely on.
/// </summary>
public sealed class ShortLoginWaitFixture : OnboardingFixture
{
    /// <summary>Long enough for a login to reach its checkpoint on a loaded machine, short enough to wait out.</summary>
    public const int WaitSeconds = 20;

    protected override IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ServiceSettings { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [SeatService] = new Dictionary<string, string> { ["ConnectLinkedIn__MaxVerificationWaitSeconds"] = WaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
}

[CollectionDefinition(Name)]
public sealed class ShortLoginWaitSuite : ICollectionFixture<ShortLoginWaitFixture>
{
    public const string Name = "Onboarding with a short login wait";
}
