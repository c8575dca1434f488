namespace Outreach.ServiceDefaults.Auth;

/// <summary>
/// The one name of access-key authentication, in every service: the scheme and the policy of tenant routes. Whether a
/// service checks keys itself (seat-service) or asks seat-service, its routes name the same policy.
/// </summary>
public static class AccessKeyScheme
{
    public const string Name = "AccessKey";
}
