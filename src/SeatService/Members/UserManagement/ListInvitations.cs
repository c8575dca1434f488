using System.Security.Claims;
using Npgsql;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>
/// GET /user-management/invitations/ → {"invitations":[…]} (seed 001), oldest first: every open invitation of the account,
/// whichever API made it, with invite_status ACTIVE or EXPIRED.
/// </summary>
public static class ListInvitations
{
    public sealed record Response(IReadOnlyList<InvitationView> Invitations);

    public static async Task<IResult> Handle(ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await InvitationDirectory.ListAsync(db, user.Tenant().AccountId, ct);
        var now = clock.GetUtcNow();
        return Results.Ok(new Response([.. rows.Select(row => InvitationView.From(row, now))]));
    }
}
