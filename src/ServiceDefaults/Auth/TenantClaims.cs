using System.Security.Claims;

namespace Outreach.ServiceDefaults.Auth;

public static class TenantClaims
{
    public const string AccountId = "account_id";
    public const string KeyId = "key_id";

    /// <summary>The caller's tenant: every query and write is scoped to it.</summary>
    public static CallerKey Tenant(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(AccountId) ?? throw new InvalidOperationException("Route is not authenticated by access key."),
            user.FindFirstValue(KeyId) ?? throw new InvalidOperationException("Route is not authenticated by access key."));
}
