using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members;

/// <summary>
/// Sets a member's account type: the one write behind seed 002's updateUserAccountType and seed 001's sub-admin add
/// (ADMIN) and remove (DEVELOPER). Setting the type a member already has changes nothing and succeeds.
/// </summary>
public static class ChangeAccountType
{
    public static async Task<(Member? Member, IResult? Problem)> HandleAsync(string? uid, string accountType, CallerKey caller,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await TenantMembers.LoadAsync(session, uid, caller, ct);
        if (stream?.Aggregate is not { } member)
            return (null, MemberProblems.UserNotFound(uid));
        if (member.IsDisabled)
            return (null, Problems.Conflict("A disabled user's account type cannot be changed."));

        if (member.AccountType != accountType)
        {
            var changed = new MemberAccountTypeChanged(member.Uid, member.AccountId, accountType, clock.GetUtcNow());
            stream.AppendOne(changed);
            if (await MemberWrites.SaveAsync(session, ct) is { } conflict)
                return (null, conflict);
            member.Apply(changed);
        }
        return (member, null);
    }
}
