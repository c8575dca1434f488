using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>DELETE /user-management/invitations/ {"invite_token"} → 200 {"message","invite_token"} (seed 001). Expired invitations can be removed too.</summary>
public static class RemoveInvitation
{
    public sealed record Request(string? InviteToken);

    public sealed record Response(string Message, string InviteToken);

    public static async Task<IResult> Handle([FromBody] Request? request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request?.InviteToken))
            return Problems.Invalid("invite_token", "invite_token is required.");
        var caller = user.Tenant();
        var stream = await TenantMembers.LoadInvitationAsync(session, request.InviteToken, caller, ct);
        if (stream?.Aggregate is not { } invitation)
            return Problems.NotFound("invitation");

        stream.AppendOne(new MemberInvitationRemoved(invitation.InviteToken, invitation.AccountId, clock.GetUtcNow()));
        if (await MemberWrites.SaveAsync(session, ct) is { } conflict)
            return conflict;
        return Results.Ok(new Response("Invitation removed successfully", invitation.InviteToken));
    }
}
