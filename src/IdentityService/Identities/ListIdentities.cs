using Outreach.ServiceDefaults.Auth;
using System.Security.Claims;
using Npgsql;

namespace Outreach.IdentityService.Identities;

/// <summary>GET /v1/identities → {"status":"success","identities":[…]}: the caller's key's identities, oldest first.</summary>
public static class ListIdentities
{
    public sealed record Response(string Status, IReadOnlyList<IdentityView> Identities);

    public static async Task<IResult> Handle(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct) =>
        Results.Ok(new Response("success", await IdentityDirectory.ListAsync(db, user.Tenant().KeyId, ct)));
}
