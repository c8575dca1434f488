using System.Security.Claims;
using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.Workspace;

/// <summary>
/// POST /v1/workspace/users/{uid}/disable → 200 {"ok":true} (seed 002's disableUser). The user leaves activeUsers but
/// keeps their record (seed 001 still finds them, with status "disabled"). Disabling twice is a 409.
/// </summary>
public static class DisableUser
{
    public static async Task<IResult> Handle(string uid, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        ILoggerFactory logs, CancellationToken ct)
    {
        var caller = user.Tenant();
        var stream = await TenantMembers.LoadAsync(session, uid, caller, ct);
        if (stream?.Aggregate is not { } member)
            return MemberProblems.UserNotFound(uid);
        if (member.IsDisabled)
            return Problems.Conflict("The user is already disabled.");

        stream.AppendOne(new MemberDisabled(member.Uid, member.AccountId, clock.GetUtcNow()));
        if (await MemberWrites.SaveAsync(session, ct) is { } conflict)
            return conflict;
        logs.CreateLogger(typeof(DisableUser)).LogInformation("Member {MemberUid} disabled in account {AccountId}", member.Uid, caller.AccountId);
        return Results.Ok(WorkspaceOk.Yes);
    }
}
