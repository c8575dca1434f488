using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>
/// DELETE /user-management/sub-admins/ {"user_uid"} → 200 {"message","userData"} (seed 001): the sub-admin stays a
/// user of the account, as DEVELOPER. A user who is not a sub-admin is 404.
/// </summary>
public static class RemoveSubAdmin
{
    public static async Task<IResult> Handle([FromBody] UserUidRequest? request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request?.UserUid))
            return Problems.Invalid("user_uid", "user_uid is required.");
        var stream = await TenantMembers.LoadAsync(session, request.UserUid, user.Tenant(), ct);
        if (stream?.Aggregate is not { IsDisabled: false, AccountType: AccountTypes.Admin } member)
            return Problems.NotFound("sub-admin", MemberIds.IsUid(request.UserUid) ? request.UserUid : null);

        var demoted = new MemberAccountTypeChanged(member.Uid, member.AccountId, AccountTypes.Developer, clock.GetUtcNow());
        stream.AppendOne(demoted);
        if (await MemberWrites.SaveAsync(session, ct) is { } conflict)
            return conflict;
        member.Apply(demoted);
        return Results.Ok(UserData.Envelope(UserData.From(member), "Sub-admin removed successfully"));
    }
}
