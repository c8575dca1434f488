using System.Security.Claims;
using Npgsql;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>
/// GET /user-management/organization/status (seed 001 leaves the path and most fields open). The caller is an access
/// key, which administers the whole account, so its role is ADMIN; the counts describe the account's members.
/// </summary>
public static class OrganizationStatus
{
    public sealed record Response(
        string AccountId,
        string Name,
        string KeyId,
        string Role,
        int UserCount,
        int ActiveUserCount,
        int DisabledUserCount,
        int SubAdminCount,
        int DeveloperCount,
        int ActiveInvitationCount,
        int ExpiredInvitationCount);

    public static async Task<IResult> Handle(ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var caller = user.Tenant();
        await using var command = db.CreateCommand("""
            SELECT a.name,
                   (SELECT count(*) FROM member_list m WHERE m.account_id = a.account_id),
                   (SELECT count(*) FROM member_list m WHERE m.account_id = a.account_id AND m.status = 'active'),
                   (SELECT count(*) FROM member_list m WHERE m.account_id = a.account_id AND m.status = 'disabled'),
                   (SELECT count(*) FROM member_list m WHERE m.account_id = a.account_id AND m.status = 'active' AND m.account_type = 'ADMIN'),
                   (SELECT count(*) FROM member_list m WHERE m.account_id = a.account_id AND m.status = 'active' AND m.account_type = 'DEVELOPER'),
                   (SELECT count(*) FROM member_invitations i WHERE i.account_id = a.account_id AND i.expires_at > $2),
                   (SELECT count(*) FROM member_invitations i WHERE i.account_id = a.account_id AND i.expires_at <= $2)
            FROM accounts a WHERE a.account_id = $1
            """);
        command.Parameters.AddWithValue(caller.AccountId);
        command.Parameters.AddWithValue(clock.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return Problems.NotFound("account");

        int Count(int column) => checked((int)reader.GetInt64(column));
        return Results.Ok(new Response(caller.AccountId, reader.GetString(0), caller.KeyId, AccountTypes.Admin,
            Count(1), Count(2), Count(3), Count(4), Count(5), Count(6), Count(7)));
    }
}
