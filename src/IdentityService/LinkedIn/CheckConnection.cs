using Outreach.ServiceDefaults.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.IdentityService.Identities;

namespace Outreach.IdentityService.LinkedIn;

/// <summary>
/// GET /v1/identities/{identity_id}/linkedin/check → {"status":"success","identity_id","connected","linkedin":{status, profile_id, name, profile_url}}:
/// the identity's current LinkedIn connection.
/// </summary>
public static class CheckConnection
{
    public sealed record Response(string Status, string IdentityId, bool Connected, IdentityView.LinkedInView Linkedin);

    public static async Task<IResult> Handle([FromRoute(Name = "identity_id")] string identityId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        if (!IdentityFields.IsIdentityId(identityId))
            return Problems.NotFound("identity");
        var identity = await IdentityDirectory.FindAsync(db, user.Tenant().KeyId, identityId, ct);
        return identity is null
            ? Problems.NotFound("identity")
            : Results.Ok(new Response("success", identityId, identity.Linkedin.Status == "connected", identity.Linkedin));
    }
}
