using System.Security.Claims;

namespace Outreach.IdentityService.Identities;

/// <summary>The access key a request authenticated with: every identity route is scoped to it.</summary>
public sealed record Caller(string AccountId, string KeyId)
{
    public static Caller From(ClaimsPrincipal user) =>
        new(user.FindFirstValue("account_id") ?? throw new InvalidOperationException("Route is not authenticated by access key."),
            user.FindFirstValue("key_id") ?? throw new InvalidOperationException("Route is not authenticated by access key."));
}
