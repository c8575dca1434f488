using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members;

/// <summary>
/// Loads members and invitations for writing, but only the caller's account's: anything else, deleted or closed is
/// "not found", exactly like an id that never existed.
/// </summary>
public static class TenantMembers
{
    public static async Task<IEventStream<Member>?> LoadAsync(IDocumentSession session, string? uid, CallerKey caller, CancellationToken ct)
    {
        if (!MemberIds.IsUid(uid))
            return null;
        var stream = await session.Events.FetchForWriting<Member>(uid!, ct);
        return stream.Aggregate is { IsDeleted: false } member && member.AccountId == caller.AccountId ? stream : null;
    }

    public static async Task<IEventStream<MemberInvitation>?> LoadInvitationAsync(IDocumentSession session, string? inviteToken,
        CallerKey caller, CancellationToken ct)
    {
        if (!MemberIds.IsInviteToken(inviteToken))
            return null;
        var stream = await session.Events.FetchForWriting<MemberInvitation>(inviteToken!, ct);
        return stream.Aggregate is { IsClosed: false } invitation && invitation.AccountId == caller.AccountId ? stream : null;
    }
}
