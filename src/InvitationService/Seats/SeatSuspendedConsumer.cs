using MassTransit;
using Outreach.Contracts;
using Outreach.EventSourcing;
using Outreach.InvitationService.Invitations;
using Outreach.InvitationService.Senders;

namespace Outreach.InvitationService.Seats;

/// <summary>
/// SeatSuspended: the seat stops sending at once and its queue pauses. The commit happens under the seat's sender gate,
/// so a send in flight finishes first and none starts after without seeing the suspension. The inbox makes a
/// redelivered message a no-op.
/// </summary>
public sealed class SeatSuspendedConsumer(IDocumentStore store, SenderGate gate, ILogger<SeatSuspendedConsumer> logger) : InboxConsumer<SeatSuspended>(store)
{
    protected override async ValueTask<IAsyncDisposable?> EnterAsync(ConsumeContext<SeatSuspended> context) =>
        await gate.EnterAsync(context.Message.SeatId, context.CancellationToken);

    protected override async Task HandleAsync(ConsumeContext<SeatSuspended> context, IDocumentSession session)
    {
        var message = context.Message;
        if (!await SeatTenancy.IsOfAccountAsync(session, message.SeatId, message.AccountId, context.CancellationToken))
        {
            SeatTenancy.LogForeignAccount(logger, nameof(SeatSuspended), message.SeatId, message.AccountId);
            return;
        }
        session.TenantId = message.KeyId;
        session.Events.Append(SeatViews.StreamId(message.SeatId),
            new SeatSuspensionApplied(message.SeatId, message.AccountId, message.KeyId, message.SuspendedAt));
    }
}
