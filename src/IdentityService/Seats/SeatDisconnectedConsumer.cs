using MassTransit;
using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;
using Outreach.IdentityService.LinkedIn;
using Outreach.IdentityService.PersonalData;

namespace Outreach.IdentityService.Seats;

/// <summary>
/// SeatDisconnected (the seat was deleted): its identities are logged out and deleted, their keys destroyed, which
/// crypto-shreds their names and stored sessions in the log.
/// </summary>
public sealed class SeatDisconnectedConsumer(IDocumentStore store, ILinkedInProvider provider, TimeProvider clock) : InboxConsumer<Contracts.SeatDisconnected>(store)
{
    protected override async Task HandleAsync(ConsumeContext<Contracts.SeatDisconnected> context, IDocumentSession session)
    {
        var message = context.Message;
        session.TenantId = message.KeyId;
        foreach (var stream in await SeatIdentities.LoadAsync(session, message.SeatId, message.KeyId, context.CancellationToken))
        {
            var now = clock.GetUtcNow();
            await SeatIdentities.EndSessionAsync(session, stream, provider, "seat_disconnected", now, context.CancellationToken);
            var identity = stream.Aggregate!;
            stream.AppendOne(new IdentityDeleted(identity.Id, identity.AccountId, identity.KeyId, identity.SeatId, now));
            IdentityKeys.Destroy(session, identity.Id);
        }
    }
}
