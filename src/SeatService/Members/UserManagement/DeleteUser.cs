using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>DELETE /user-management/users/ {"user_uid"} → 200 {"message","user_uid"} (seed 001). The user leaves every list.</summary>
public static class DeleteUser
{
    public sealed record Response(string Message, string UserUid);

    public static async Task<IResult> Handle([FromBody] UserUidRequest? request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        ILoggerFactory logs, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request?.UserUid))
            return Problems.Invalid("user_uid", "user_uid is required.");
        var caller = user.Tenant();
        var stream = await TenantMembers.LoadAsync(session, request.UserUid, caller, ct);
        if (stream?.Aggregate is not { } member)
            return MemberProblems.UserNotFound(request.UserUid);

        stream.AppendOne(new MemberDeleted(member.Uid, member.AccountId, clock.GetUtcNow()));
        if (await MemberWrites.SaveAsync(session, ct) is { } conflict)
            return conflict;
        logs.CreateLogger(typeof(DeleteUser)).LogInformation("Member {MemberUid} deleted from account {AccountId}", member.Uid, caller.AccountId);
        return Results.Ok(new Response("User deleted successfully", member.Uid));
    }
}
