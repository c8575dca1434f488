using Outreach.ServiceDefaults.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Outreach.IdentityService.Identities;

/// <summary>GET /v1/identities/{identity_id} → {"status":"success","identity":{…}}; another key's identity is not found.</summary>
public static class GetIdentity
{
    public static async Task<IResult> Handle([FromRoute(Name = "identity_id")] string identityId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        if (!IdentityFields.IsIdentityId(identityId))
            return Problems.NotFound("identity");
        var identity = await IdentityDirectory.FindAsync(db, user.Tenant().KeyId, identityId, ct);
        return identity is null ? Problems.NotFound("identity") : Results.Ok(new IdentityEnvelope("success", identity));
    }
}
