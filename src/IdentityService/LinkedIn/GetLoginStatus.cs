using Outreach.ServiceDefaults.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.IdentityService.Identities;

namespace Outreach.IdentityService.LinkedIn;

/// <summary>
/// GET /v1/identities/{identity_id}/linkedin/status/{session_id} → {"status":"success","identity_id","login_result":{…}}:
/// queued, in_progress, checkpoint (with its type), connected, failed (with a reason) or expired.
/// </summary>
public static class GetLoginStatus
{
    public sealed record Response(string Status, string IdentityId, LoginSessionView LoginResult);

    public static async Task<IResult> Handle([FromRoute(Name = "identity_id")] string identityId, [FromRoute(Name = "session_id")] string sessionId,
        ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (!IdentityFields.IsIdentityId(identityId) || !LoginIds.IsSessionId(sessionId))
            return Problems.NotFound("login session");
        var view = await LoginSessionView.FindAsync(db, user.Tenant().KeyId, identityId, sessionId, clock.GetUtcNow(), ct);
        return view is null ? Problems.NotFound("login session") : Results.Ok(new Response("success", identityId, view));
    }
}
