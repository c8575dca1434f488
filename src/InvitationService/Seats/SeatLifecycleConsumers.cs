using MassTransit;
using Outreach.Contracts;
using Outreach.EventSourcing;
using Outreach.InvitationService.Invitations;

namespace Outreach.InvitationService.Seats;

// The seat messages that only change what the seat view says. Activation may let a paused queue go on, so it wakes it.
// Each first checks that the message names the account the view knows for the seat (SeatTenancy): a message naming
// another account's seat is forged or misrouted and changes nothing.

/// <summary>SeatAdded: the seat and its daily limit (a seat starts pending: it does not send yet).</summary>
public sealed class SeatAddedConsumer(IDocumentStore store, ILogger<SeatAddedConsumer> logger) : InboxConsumer<SeatAdded>(store)
{
    protected override async Task HandleAsync(ConsumeContext<SeatAdded> context, IDocumentSession session)
    {
        var m = context.Message;
        if (!await SeatTenancy.IsOfAccountAsync(session, m.SeatId, m.AccountId, context.CancellationToken))
        {
            SeatTenancy.LogForeignAccount(logger, nameof(SeatAdded), m.SeatId, m.AccountId);
            return;
        }

        session.TenantId = m.KeyId;
        session.Events.Append(SeatViews.StreamId(m.SeatId), new SeatAddedApplied(m.SeatId, m.AccountId, m.KeyId, m.DailyLimit, m.AddedAt));
    }
}

/// <summary>SeatActivated: the seat may send; its queue resumes.</summary>
public sealed class SeatActivatedConsumer(IDocumentStore store, QueueSignal queue, ILogger<SeatActivatedConsumer> logger) : InboxConsumer<SeatActivated>(store)
{
    protected override async Task HandleAsync(ConsumeContext<SeatActivated> context, IDocumentSession session)
    {
        var m = context.Message;
        if (!await SeatTenancy.IsOfAccountAsync(session, m.SeatId, m.AccountId, context.CancellationToken))
        {
            SeatTenancy.LogForeignAccount(logger, nameof(SeatActivated), m.SeatId, m.AccountId);
            return;
        }

        session.TenantId = m.KeyId;
        session.Events.Append(SeatViews.StreamId(m.SeatId), new SeatStatusApplied(m.SeatId, m.AccountId, m.KeyId, "active", m.ActivatedAt));
        queue.Wake();
    }
}

/// <summary>SeatUnsuspended: pending again, as in seat-service; its person must reconnect before the queue resumes.</summary>
public sealed class SeatUnsuspendedConsumer(IDocumentStore store, ILogger<SeatUnsuspendedConsumer> logger) : InboxConsumer<SeatUnsuspended>(store)
{
    protected override async Task HandleAsync(ConsumeContext<SeatUnsuspended> context, IDocumentSession session)
    {
        var m = context.Message;
        if (!await SeatTenancy.IsOfAccountAsync(session, m.SeatId, m.AccountId, context.CancellationToken))
        {
            SeatTenancy.LogForeignAccount(logger, nameof(SeatUnsuspended), m.SeatId, m.AccountId);
            return;
        }

        session.TenantId = m.KeyId;
        session.Events.Append(SeatViews.StreamId(m.SeatId), new SeatStatusApplied(m.SeatId, m.AccountId, m.KeyId, "pending", m.UnsuspendedAt));
    }
}

/// <summary>SeatDailyLimitChanged: the seat's days count against the new limit from now on.</summary>
public sealed class SeatDailyLimitChangedConsumer(IDocumentStore store, QueueSignal queue, ILogger<SeatDailyLimitChangedConsumer> logger) : InboxConsumer<SeatDailyLimitChanged>(store)
{
    protected override async Task HandleAsync(ConsumeContext<SeatDailyLimitChanged> context, IDocumentSession session)
    {
        var m = context.Message;
        if (!await SeatTenancy.IsOfAccountAsync(session, m.SeatId, m.AccountId, context.CancellationToken))
        {
            SeatTenancy.LogForeignAccount(logger, nameof(SeatDailyLimitChanged), m.SeatId, m.AccountId);
            return;
        }

        session.TenantId = m.KeyId;
        session.Events.Append(SeatViews.StreamId(m.SeatId), new SeatDailyLimitApplied(m.SeatId, m.AccountId, m.KeyId, m.DailyLimit, m.ChangedAt));
        queue.Wake();
    }
}
