using System.Security.Claims;
using System.Text.Json.Serialization;
using Npgsql;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.Workspace;

/// <summary>
/// GET /v1/workspace/users → {"ok":true,"activeUsers":[…],"invitedUsers":[…]} (seed 002's listUsers over REST).
/// Active users are the members who are neither disabled nor deleted; invited users are the open invitations.
/// </summary>
public static class ListWorkspaceUsers
{
    public sealed record ActiveUser(
        [property: JsonPropertyName("uid")] string Uid,
        [property: JsonPropertyName("email")] string Email,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("accountType")] string AccountType);

    public sealed record InvitedUser(
        [property: JsonPropertyName("email")] string Email,
        [property: JsonPropertyName("accountType")] string AccountType,
        [property: JsonPropertyName("inviteStatus")] string InviteStatus);

    public sealed record Response(
        [property: JsonPropertyName("ok")] bool Ok,
        [property: JsonPropertyName("activeUsers")] IReadOnlyList<ActiveUser> ActiveUsers,
        [property: JsonPropertyName("invitedUsers")] IReadOnlyList<InvitedUser> InvitedUsers);

    public static async Task<IResult> Handle(ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var accountId = user.Tenant().AccountId;
        var members = await MemberDirectory.ActiveAsync(db, accountId, null, ct);
        var invitations = await InvitationDirectory.ListAsync(db, accountId, ct);
        var now = clock.GetUtcNow();
        return Results.Ok(new Response(true,
            [.. members.Select(m => new ActiveUser(m.Uid, m.Email, m.DisplayName, m.AccountType))],
            [.. invitations.Select(i => new InvitedUser(i.Email, i.AccountType, i.Status(now)))]));
    }
}
