using System.Security.Claims;
using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>
/// POST /user-management/sub-admins/ {"user_uid"} → 200 {"message","userData"} (seed 001): the user's account type
/// becomes ADMIN. A disabled user cannot be made a sub-admin (409).
/// </summary>
public static class AddSubAdmin
{
    public static async Task<IResult> Handle(UserUidRequest? request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request?.UserUid))
            return Problems.Invalid("user_uid", "user_uid is required.");
        var (member, problem) = await ChangeAccountType.HandleAsync(request.UserUid, AccountTypes.Admin, user.Tenant(), session, clock, ct);
        return problem ?? Results.Ok(UserData.Envelope(UserData.From(member!), "Sub-admin added successfully"));
    }
}
