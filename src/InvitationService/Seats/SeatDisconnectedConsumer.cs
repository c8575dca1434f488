using MassTransit;
using Outreach.Contracts;
using Outreach.EventSourcing;
using Outreach.InvitationService.Invitations;
using Outreach.InvitationService.Senders;

namespace Outreach.InvitationService.Seats;

/// <summary>
/// SeatDisconnected (the seat was deleted): it never sends again, and everything it had queued is cancelled, under
/// its sender gate so the queue cannot be sending one of them meanwhile.
/// </summary>
public sealed class SeatDisconnectedConsumer(IDocumentStore store, SenderGate gate, TimeProvider clock, ILogger<SeatDisconnectedConsumer> logger)
    : InboxConsumer<SeatDisconnected>(store)
{
    protected override async ValueTask<IAsyncDisposable?> EnterAsync(ConsumeContext<SeatDisconnected> context) =>
        await gate.EnterAsync(context.Message.SeatId, context.CancellationToken);

    protected override async Task HandleAsync(ConsumeContext<SeatDisconnected> context, IDocumentSession session)
    {
        var m = context.Message;
        if (!await SeatTenancy.IsOfAccountAsync(session, m.SeatId, m.AccountId, context.CancellationToken))
        {
            SeatTenancy.LogForeignAccount(logger, nameof(SeatDisconnected), m.SeatId, m.AccountId);
            return;
        }
        session.TenantId = m.KeyId;
        session.Events.Append(SeatViews.StreamId(m.SeatId), new SeatStatusApplied(m.SeatId, m.AccountId, m.KeyId, "deleted", m.DisconnectedAt));
        var queued = await session.QueryAsync("SELECT invitation_id FROM invitation_list WHERE seat_id = $1 AND key_id = $2 AND status = 'queued'",
            [m.SeatId, m.KeyId], reader => reader.GetString(0), context.CancellationToken);
        var now = clock.GetUtcNow();
        foreach (var invitationId in queued)
            session.Events.Append(invitationId, new InvitationCancelled(invitationId, m.KeyId, "seat_disconnected", now));
    }
}
