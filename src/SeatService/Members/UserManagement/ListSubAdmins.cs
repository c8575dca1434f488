using System.Security.Claims;
using System.Text.Json.Nodes;
using Npgsql;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>GET /user-management/sub-admins/ → {"sub_admins":[userData…]} (seed 001): the active members whose account type is ADMIN.</summary>
public static class ListSubAdmins
{
    public sealed record Response(IReadOnlyList<JsonObject> SubAdmins);

    public static async Task<IResult> Handle(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var rows = await MemberDirectory.ActiveAsync(db, user.Tenant().AccountId, AccountTypes.Admin, ct);
        return Results.Ok(new Response([.. rows.Select(UserData.From)]));
    }
}
