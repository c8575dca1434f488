using MassTransit;
using Outreach.Contracts;
using Outreach.EventSourcing;
using Outreach.IdentityService.LinkedIn;

namespace Outreach.IdentityService.Seats;

/// <summary>
/// SeatSuspended: the seat's identities are logged out at LinkedIn, their stored sessions wiped and their state
/// disconnected. The inbox makes a redelivered message a no-op.
/// </summary>
public sealed class SeatSuspendedConsumer(IDocumentStore store, ILinkedInProvider provider, TimeProvider clock) : InboxConsumer<SeatSuspended>(store)
{
    protected override async Task HandleAsync(ConsumeContext<SeatSuspended> context, IDocumentSession session)
    {
        var message = context.Message;
        session.TenantId = message.KeyId;
        session.Events.Append(SeatViews.StreamId(message.SeatId),
            new SeatSuspensionApplied(message.SeatId, message.AccountId, message.KeyId, message.SuspendedAt));
        foreach (var identity in await SeatIdentities.LoadAsync(session, message.SeatId, message.KeyId, context.CancellationToken))
            await SeatIdentities.EndSessionAsync(session, identity, provider, "seat_suspended", clock.GetUtcNow(), context.CancellationToken);
    }
}
