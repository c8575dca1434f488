using MassTransit;
using Outreach.Contracts;
using Outreach.EventSourcing;
using Outreach.InvitationService.Invitations;

namespace Outreach.InvitationService.Seats;

// The seat messages that only change what the seat view says. Activation may let a paused queue go on, so it wakes it.

/// <summary>SeatAdded: the seat and its daily limit (a seat starts pending: it does not send yet).</summary>
public sealed class SeatAddedConsumer(IDocumentStore store) : InboxConsumer<SeatAdded>(store)
{
    protected override Task HandleAsync(ConsumeContext<SeatAdded> context, IDocumentSession session)
    {
        var m = context.Message;
        session.TenantId = m.KeyId;
        session.Events.Append(SeatViews.StreamId(m.SeatId), new SeatAddedApplied(m.SeatId, m.AccountId, m.KeyId, m.DailyLimit, m.AddedAt));
        return Task.CompletedTask;
    }
}

/// <summary>SeatActivated: the seat may send; its queue resumes.</summary>
public sealed class SeatActivatedConsumer(IDocumentStore store, QueueSignal queue) : InboxConsumer<SeatActivated>(store)
{
    protected override Task HandleAsync(ConsumeContext<SeatActivated> context, IDocumentSession session)
    {
        var m = context.Message;
        session.TenantId = m.KeyId;
        session.Events.Append(SeatViews.StreamId(m.SeatId), new SeatStatusApplied(m.SeatId, m.AccountId, m.KeyId, "active", m.ActivatedAt));
        queue.Wake();
        return Task.CompletedTask;
    }
}

/// <summary>SeatUnsuspended: pending again, as in seat-service; its person must reconnect before the queue resumes.</summary>
public sealed class SeatUnsuspendedConsumer(IDocumentStore store) : InboxConsumer<SeatUnsuspended>(store)
{
    protected override Task HandleAsync(ConsumeContext<SeatUnsuspended> context, IDocumentSession session)
    {
        var m = context.Message;
        session.TenantId = m.KeyId;
        session.Events.Append(SeatViews.StreamId(m.SeatId), new SeatStatusApplied(m.SeatId, m.AccountId, m.KeyId, "pending", m.UnsuspendedAt));
        return Task.CompletedTask;
    }
}

/// <summary>SeatDailyLimitChanged: the seat's days count against the new limit from now on.</summary>
public sealed class SeatDailyLimitChangedConsumer(IDocumentStore store, QueueSignal queue) : InboxConsumer<SeatDailyLimitChanged>(store)
{
    protected override Task HandleAsync(ConsumeContext<SeatDailyLimitChanged> context, IDocumentSession session)
    {
        var m = context.Message;
        session.TenantId = m.KeyId;
        session.Events.Append(SeatViews.StreamId(m.SeatId), new SeatDailyLimitApplied(m.SeatId, m.AccountId, m.KeyId, m.DailyLimit, m.ChangedAt));
        queue.Wake();
        return Task.CompletedTask;
    }
}
