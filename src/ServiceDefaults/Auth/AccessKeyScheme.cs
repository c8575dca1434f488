namespace Outreach.ServiceDefaults.Auth;

/// <summary>
/// The one name of access-key authentication, in every service: the scheme and the policy of tenant routes. Whether a
/// service checks keys itself (seat-service) or asks seat-service, its routes name the same policy and a refused key
/// gets the same answer.
/// </summary>
public static class AccessKeyScheme
{
    public const string Name = "AccessKey";

    /// <summary>The detail of the 401 for a missing, bad or revoked key: one text, so the answer never says which.</summary>
    public const string ChallengeDetail = "A valid access key is required.";
}
