using System.Security.Claims;
using System.Text.Json.Serialization;
using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.Workspace;

/// <summary>
/// PUT /v1/workspace/users/{uid}/account-type {"accountType"} → 200 {"ok":true} (seed 002's updateUserAccountType).
/// A disabled user's type cannot change (409).
/// </summary>
public static class UpdateUserAccountType
{
    public sealed record Request([property: JsonPropertyName("accountType")] string? AccountType);

    public static async Task<IResult> Handle(string uid, Request? request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        if (!AccountTypes.IsKnown(request?.AccountType))
            return Problems.Invalid("accountType", AccountTypes.Rule("accountType"));
        var (_, problem) = await ChangeAccountType.HandleAsync(uid, request!.AccountType!, user.Tenant(), session, clock, ct);
        return problem ?? Results.Ok(WorkspaceOk.Yes);
    }
}
