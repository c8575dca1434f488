using MassTransit;
using Outreach.EventSourcing;

namespace Outreach.SeatService.Seats;

/// <summary>
/// LinkedInConnected → the seat shows its person's LinkedIn name and profile URL; a seat whose session had dropped by
/// itself is active again. Only a seat under the message's key is touched; a suspended or deleted seat ignores it
/// (Seat.RecordLinkedInConnected says why).
/// </summary>
public sealed class LinkedInConnectedConsumer(IDocumentStore store) : InboxConsumer<Contracts.LinkedInConnected>(store)
{
    protected override async Task HandleAsync(ConsumeContext<Contracts.LinkedInConnected> context, IDocumentSession session)
    {
        var message = context.Message;
        if (message.SeatId is not { } seatId)
            return;
        var stream = await session.Events.FetchForWriting<Seat>(seatId, context.CancellationToken);
        if (stream.Aggregate is not { IsDeleted: false, Status: not SeatStatus.Suspended } seat || seat.KeyId != message.KeyId || seat.AccountId != message.AccountId)
            return;

        var key = await SeatKeys.GetOrCreateAsync(session, seatId, context.CancellationToken);
        session.TenantId = seat.KeyId;
        if (seat.RecordLinkedInConnected(message.AccountId, message.KeyId, message.IdentityId, PersonalDataCipher.Encrypt(key, seatId, message.Name),
                PersonalDataCipher.Encrypt(key, seatId, message.ProfileUrl), message.ConnectedAt) is { } connected)
            stream.AppendOne(connected);
    }
}
