using MassTransit;
using Outreach.Contracts;
using Outreach.EventSourcing;

namespace Outreach.IdentityService.Seats;

/// <summary>SeatSuspended: the seat's LinkedIn session must end. The inbox makes a redelivered message a no-op.</summary>
public sealed class SeatSuspendedConsumer(IDocumentStore store) : InboxConsumer<SeatSuspended>(store)
{
    protected override Task HandleAsync(ConsumeContext<SeatSuspended> context, IDocumentSession session)
    {
        var message = context.Message;
        session.TenantId = message.KeyId;
        session.Events.Append(SeatViews.StreamId(message.SeatId),
            new SeatSuspensionApplied(message.SeatId, message.AccountId, message.KeyId, message.SuspendedAt));
        return Task.CompletedTask;
    }
}
