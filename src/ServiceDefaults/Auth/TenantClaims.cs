using System.Security.Claims;

namespace Outreach.ServiceDefaults.Auth;

/// <summary>
/// The claims an access key authenticates to, the same in every service whether it checked the key itself or asked
/// seat-service: the tenant's account and the key's id.
/// </summary>
public static class TenantClaims
{
    public const string AccountId = "account_id";
    public const string KeyId = "key_id";

    /// <summary>The account's rate-limit override, present only when the operator set one.</summary>
    public const string RequestsPerMinute = "requests_per_minute";

    /// <summary>The caller's tenant: every query and write is scoped to it.</summary>
    public static CallerKey Tenant(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(AccountId) ?? throw new InvalidOperationException("Route is not authenticated by access key."),
            user.FindFirstValue(KeyId) ?? throw new InvalidOperationException("Route is not authenticated by access key."));

    /// <summary>The principal of a request authenticated by <paramref name="key"/> under <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal ToPrincipal(this CallerKey key, string scheme)
    {
        ArgumentNullException.ThrowIfNull(key);
        List<Claim> claims = [new Claim(AccountId, key.AccountId), new Claim(KeyId, key.KeyId)];
        if (key.RequestsPerMinute is { } limit)
            claims.Add(new Claim(RequestsPerMinute, limit.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer32));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
