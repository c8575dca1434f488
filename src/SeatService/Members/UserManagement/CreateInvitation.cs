using System.Security.Claims;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>
/// POST /user-management/invitations/ {"email","platform_link"?,"account_type"?,"expires_in"?} → 201 {invitation} (seed 001).
/// A sub-admin invitation by default (account_type ADMIN). expires_in is in seconds (1 to 30 days); without it the
/// configured Members:InvitationLifetime applies (7 days).
/// </summary>
public static class CreateInvitation
{
    public const int MaxExpiresInSeconds = 30 * 24 * 60 * 60;

    public sealed record Request(string? Email, string? PlatformLink, string? AccountType, int? ExpiresIn);

    public static async Task<IResult> Handle(Request? request, ClaimsPrincipal user, IDocumentSession session, NpgsqlDataSource db,
        TimeProvider clock, IConfiguration configuration, ILoggerFactory logs, CancellationToken ct)
    {
        if (MemberFields.Email(request?.Email, "email", out var email) is { } badEmail)
            return badEmail;
        if (MemberFields.PlatformLink(request!.PlatformLink, "platform_link", out var platformLink) is { } badLink)
            return badLink;
        if (MemberFields.AccountType(request.AccountType, "account_type", AccountTypes.Admin, out var accountType) is { } badType)
            return badType;
        if (request.ExpiresIn is < 1 or > MaxExpiresInSeconds)
            return Problems.Invalid("expires_in", $"expires_in must be a number of seconds from 1 to {MaxExpiresInSeconds}.");
        var lifetime = request.ExpiresIn is { } seconds ? TimeSpan.FromSeconds(seconds) : MembersOptions.From(configuration).InvitationLifetime;

        var caller = user.Tenant();
        var (invited, problem) = await InviteMember.HandleAsync(new InviteMember.Invitation(email, accountType, platformLink, lifetime),
            caller, session, db, clock, ct);
        if (problem is not null)
            return problem;

        logs.CreateLogger(typeof(CreateInvitation)).LogInformation("Member invitation created for account {AccountId}", caller.AccountId);
        var row = new InvitationRow(invited!.InviteToken, invited.Email, invited.AccountType, invited.PlatformLink, invited.InvitedByKeyId,
            invited.InvitedAt, invited.ExpiresAt);
        return Results.Json(InvitationView.From(row, invited.InvitedAt), statusCode: StatusCodes.Status201Created);
    }
}
