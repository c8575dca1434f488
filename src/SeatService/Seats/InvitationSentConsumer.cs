using MassTransit;
using Outreach.EventSourcing;

namespace Outreach.SeatService.Seats;

/// <summary>
/// InvitationSent → the seat's daily_sent_count rises by one, once per message (the inbox). A message naming a seat
/// that is not under its key, or no seat at all, changes nothing: a forged or misrouted message cannot reach another
/// tenant's seat.
/// </summary>
public sealed class InvitationSentConsumer(IDocumentStore store) : InboxConsumer<Contracts.InvitationSent>(store)
{
    protected override async Task HandleAsync(ConsumeContext<Contracts.InvitationSent> context, IDocumentSession session)
    {
        var message = context.Message;
        if (message.SeatId is not { } seatId)
            return;
        var seat = await session.Events.AggregateStreamAsync<Seat>(seatId, token: context.CancellationToken);
        if (seat is null || seat.IsDeleted || seat.KeyId != message.KeyId || seat.AccountId != message.AccountId)
            return;

        // Counted on a stream per seat and UTC day, so the seat's own stream stays short however much it sends, and a
        // count never contends with the seat's commands.
        var day = DateOnly.FromDateTime(message.SentAt.UtcDateTime);
        session.TenantId = seat.KeyId;
        session.Events.Append(SeatSends.StreamId(seatId, day), new SeatInvitationCounted(seatId, message.InvitationId, day, message.SentAt));
    }
}
