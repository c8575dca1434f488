using System.Security.Claims;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>
/// POST /user-management/users/ {"email","display_name","phone"?,"account_type"?} → 201 {"userData":{…}} (seed 001).
/// account_type (ADMIN or DEVELOPER) is our addition; a user starts as DEVELOPER.
/// </summary>
public static class CreateUser
{
    public sealed record Request(string? Email, string? DisplayName, string? Phone, string? AccountType);

    public static async Task<IResult> Handle(Request? request, ClaimsPrincipal user, IDocumentSession session, NpgsqlDataSource db,
        TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        if (MemberFields.Email(request?.Email, "email", out var email) is { } badEmail)
            return badEmail;
        if (MemberFields.DisplayName(request!.DisplayName, "display_name", out var displayName) is { } badName)
            return badName;
        if (MemberFields.Phone(request.Phone, "phone", out var phone) is { } badPhone)
            return badPhone;
        if (MemberFields.AccountType(request.AccountType, "account_type", AccountTypes.Developer, out var accountType) is { } badType)
            return badType;

        var caller = user.Tenant();
        if (await MemberDirectory.EmailInUseAsync(db, caller.AccountId, email, null, ct))
            return Problems.Conflict("An active member of the account already uses this email.");

        var added = new MemberAdded(MemberIds.NewUid(), caller.AccountId, email, displayName, phone, accountType, clock.GetUtcNow());
        session.Events.StartStream<Member>(added.MemberUid, added);
        if (await MemberWrites.SaveAsync(session, ct) is { } conflict)
            return conflict;

        logs.CreateLogger(typeof(CreateUser)).LogInformation("Member {MemberUid} added to account {AccountId}", added.MemberUid, caller.AccountId);
        var member = new Member();
        member.Apply(added);
        return Results.Created($"/user-management/users/{added.MemberUid}", UserData.Envelope(UserData.From(member)));
    }
}
