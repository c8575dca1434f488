using MassTransit;
using Outreach.Contracts;
using Outreach.EventSourcing;

namespace Outreach.InvitationService.Seats;

/// <summary>
/// UserMigrated: each seat, its sending account and its invitations (sent and queued) move to the target key, in one
/// commit. The queue goes on under the new key; nothing is re-sent.
/// </summary>
public sealed class UserMigratedConsumer(IDocumentStore store) : InboxConsumer<UserMigrated>(store)
{
    protected override Task HandleAsync(ConsumeContext<UserMigrated> context, IDocumentSession session)
    {
        var m = context.Message;
        session.TenantId = m.ToKeyId;
        foreach (var seatId in m.SeatIds)
            session.Events.Append(SeatViews.StreamId(seatId), new SeatMigrationApplied(seatId, m.AccountId, m.FromKeyId, m.ToKeyId, m.MigratedAt));
        return Task.CompletedTask;
    }
}
