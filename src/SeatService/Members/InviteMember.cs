using Npgsql;
using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members;

/// <summary>
/// Invites someone to the caller's account: the one write behind seed 001's sub-admin invitations and seed 002's
/// inviteUser. The caller has already validated the fields.
/// </summary>
public static class InviteMember
{
    public sealed record Invitation(string Email, string AccountType, string? PlatformLink, TimeSpan Lifetime);

    /// <summary>The new invitation, or the 409 to answer when the email is a member's or already invited.</summary>
    public static async Task<(MemberInvited? Invited, IResult? Problem)> HandleAsync(Invitation invitation, CallerKey caller,
        IDocumentSession session, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (await MemberDirectory.EmailInUseAsync(db, caller.AccountId, invitation.Email, null, ct))
            return (null, Problems.Conflict("An active member of the account already uses this email."));

        var now = clock.GetUtcNow();
        var token = MemberIds.NewInviteToken();
        var open = await InvitationDirectory.FindByEmailAsync(db, caller.AccountId, invitation.Email, ct);
        if (open is not null)
        {
            if (!open.HasExpired(now))
                return (null, Problems.Conflict("This email already has an open invitation."));
            var expired = await session.Events.FetchForWriting<MemberInvitation>(open.InviteToken, ct);
            expired.AppendOne(new MemberInvitationSuperseded(open.InviteToken, caller.AccountId, token, now));
        }

        var invited = new MemberInvited(token, caller.AccountId, invitation.Email, invitation.AccountType, invitation.PlatformLink,
            caller.KeyId, now, now + invitation.Lifetime);
        session.Events.StartStream<MemberInvitation>(token, invited);
        return await MemberWrites.SaveAsync(session, ct) is { } conflict ? (null, conflict) : (invited, null);
    }
}
