using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>GET /user-management/users/{user_uid} → {"userData":{…}} (seed 001). Disabled users are found, with status "disabled".</summary>
public static class GetUser
{
    public static async Task<IResult> Handle([FromRoute(Name = "user_uid")] string userUid, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var row = await MemberDirectory.FindAsync(db, user.Tenant().AccountId, userUid, ct);
        return row is null ? MemberProblems.UserNotFound(userUid) : Results.Ok(UserData.Envelope(UserData.From(row)));
    }
}
