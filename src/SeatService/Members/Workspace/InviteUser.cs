using System.Security.Claims;
using System.Text.Json.Serialization;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.Workspace;

/// <summary>
/// POST /v1/workspace/invitations {"email","accountType"} → 201 {"ok":true} (seed 002's inviteUser). The invitation
/// stays open for Members:InvitationLifetime (7 days by default), then lists as EXPIRED until it is replaced or removed.
/// </summary>
public static class InviteUser
{
    public sealed record Request(
        [property: JsonPropertyName("email")] string? Email,
        [property: JsonPropertyName("accountType")] string? AccountType);

    public static async Task<IResult> Handle(Request? request, ClaimsPrincipal user, IDocumentSession session, NpgsqlDataSource db,
        TimeProvider clock, IConfiguration configuration, ILoggerFactory logs, CancellationToken ct)
    {
        if (MemberFields.Email(request?.Email, "email", out var email) is { } badEmail)
            return badEmail;
        if (request!.AccountType is null)
            return Problems.Invalid("accountType", AccountTypes.Rule("accountType"));
        if (MemberFields.AccountType(request.AccountType, "accountType", AccountTypes.Developer, out var accountType) is { } badType)
            return badType;

        var caller = user.Tenant();
        var lifetime = MembersOptions.From(configuration).InvitationLifetime;
        var (_, problem) = await InviteMember.HandleAsync(new InviteMember.Invitation(email, accountType, null, lifetime), caller, session, db, clock, ct);
        if (problem is not null)
            return problem;

        logs.CreateLogger(typeof(InviteUser)).LogInformation("Member invitation created for account {AccountId}", caller.AccountId);
        return Results.Json(WorkspaceOk.Yes, statusCode: StatusCodes.Status201Created);
    }
}
