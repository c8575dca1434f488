using System.Security.Claims;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Accounts;

/// <summary>
/// GET /v1/access-keys/current → 200 {"account_id","key_id","requests_per_minute"}: whose key the caller presented. Other services authenticate
/// keys through this route (they may not read seatsdb). It tells the caller only what its own key already names, so it
/// needs nothing beyond the key; a missing, bad or revoked key gets the same 401 as every tenant route.
/// </summary>
public static class CurrentAccessKey
{
    /// <summary><see cref="RequestsPerMinute"/>: the account's rate-limit override, null for the default.</summary>
    public sealed record Response(string AccountId, string KeyId, int? RequestsPerMinute);

    public static IResult Handle(ClaimsPrincipal user)
    {
        var tenant = user.Tenant();
        var limit = int.TryParse(user.FindFirstValue(TenantClaims.RequestsPerMinute), System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value : (int?)null;
        return Results.Ok(new Response(tenant.AccountId, tenant.KeyId, limit));
    }
}
