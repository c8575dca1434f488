using MassTransit;
using Outreach.EventSourcing;

namespace Outreach.SeatService.Seats;

/// <summary>
/// LinkedInDisconnected that happened by itself (revoked, expired) → an active seat becomes `disconnected` and keeps its
/// record. A logout we caused (suspension, deletion) changes nothing here: the seat's own command already did.
/// </summary>
public sealed class LinkedInDisconnectedConsumer(IDocumentStore store) : InboxConsumer<Contracts.LinkedInDisconnected>(store)
{
    protected override async Task HandleAsync(ConsumeContext<Contracts.LinkedInDisconnected> context, IDocumentSession session)
    {
        var message = context.Message;
        if (message.SeatId is not { } seatId || !message.DroppedByItself)
            return;
        var stream = await session.Events.FetchForWriting<Seat>(seatId, context.CancellationToken);
        if (stream.Aggregate?.RecordLinkedInDropped(message.AccountId, message.KeyId, message.Reason, message.DisconnectedAt) is not { } dropped)
            return;

        session.TenantId = stream.Aggregate.KeyId;
        stream.AppendOne(dropped);
    }
}
