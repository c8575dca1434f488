using MassTransit;
using Outreach.Contracts;
using Outreach.EventSourcing;
using Outreach.IdentityService.LinkedIn;

namespace Outreach.IdentityService.Seats;

/// <summary>
/// SeatSuspended: the seat's identities are logged out at LinkedIn, their stored sessions wiped and their state
/// disconnected. The inbox makes a redelivered message a no-op.
/// </summary>
public sealed class SeatSuspendedConsumer(IDocumentStore store, ILinkedInProvider provider, TimeProvider clock, ILogger<SeatSuspendedConsumer> logger)
    : InboxConsumer<SeatSuspended>(store)
{
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
        foreach (var identity in await SeatIdentities.LoadAsync(session, message.SeatId, message.KeyId, context.CancellationToken))
            await SeatIdentities.EndSessionAsync(session, identity, provider, "seat_suspended", clock.GetUtcNow(), context.CancellationToken);
    }
}
