using System.Security.Claims;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.IdentityService.Identities;

/// <summary>
/// GET /v1/identities → 200 {"identities":[]}: the tenant's LinkedIn identities. Nothing stores identities yet, so the
/// list is empty; the route exists now so that access-key authentication across services is exercised end to end.
/// </summary>
public static class ListIdentities
{
    public sealed record Response(IReadOnlyList<object> Identities);

    public static IResult Handle(ClaimsPrincipal user)
    {
        // Scoped to the caller's tenant like every tenant route, although there is nothing to filter yet.
        _ = user.Tenant();
        return Results.Ok(new Response([]));
    }
}
