using MassTransit;
using Outreach.Contracts;
using Outreach.EventSourcing;
using Outreach.InvitationService.Invitations;

namespace Outreach.InvitationService.Senders;

// What identity-service says about LinkedIn accounts decides which account_id may send. The stopping messages commit
// under the sender's gate (see SenderGate); connecting wakes the queue, which may have been paused.

/// <summary>LinkedInConnected: the identity's LinkedIn account may send (and its paused queue resumes).</summary>
public sealed class LinkedInConnectedConsumer(IDocumentStore store, QueueSignal queue) : InboxConsumer<LinkedInConnected>(store)
{
    protected override Task HandleAsync(ConsumeContext<LinkedInConnected> context, IDocumentSession session)
    {
        var m = context.Message;
        session.TenantId = m.KeyId;
        session.Events.Append(SendingAccounts.StreamId(m.IdentityId),
            new SenderConnected(m.IdentityId, m.AccountId, m.KeyId, m.SeatId, m.ProviderAccountId, m.ConnectedAt));
        queue.Wake();
        return Task.CompletedTask;
    }
}

/// <summary>LinkedInDisconnected: sends from the account stop at once; its queue pauses until it connects again.</summary>
public sealed class LinkedInDisconnectedConsumer(IDocumentStore store, SenderGate gate) : InboxConsumer<LinkedInDisconnected>(store)
{
    protected override async ValueTask<IAsyncDisposable?> EnterAsync(ConsumeContext<LinkedInDisconnected> context) =>
        await gate.EnterAsync(SenderGate.KeyOf(context.Message.SeatId, context.Message.IdentityId), context.CancellationToken);

    protected override Task HandleAsync(ConsumeContext<LinkedInDisconnected> context, IDocumentSession session)
    {
        var m = context.Message;
        session.TenantId = m.KeyId;
        session.Events.Append(SendingAccounts.StreamId(m.IdentityId), new SenderDisconnected(m.IdentityId, m.KeyId, m.Reason, m.DisconnectedAt));
        return Task.CompletedTask;
    }
}

/// <summary>IdentityDeleted: the account is gone for good; what it had queued is cancelled.</summary>
public sealed class IdentityDeletedConsumer(IDocumentStore store, SenderGate gate, TimeProvider clock) : InboxConsumer<IdentityDeleted>(store)
{
    protected override async ValueTask<IAsyncDisposable?> EnterAsync(ConsumeContext<IdentityDeleted> context) =>
        await gate.EnterAsync(SenderGate.KeyOf(context.Message.SeatId, context.Message.IdentityId), context.CancellationToken);

    protected override async Task HandleAsync(ConsumeContext<IdentityDeleted> context, IDocumentSession session)
    {
        var m = context.Message;
        session.TenantId = m.KeyId;
        session.Events.Append(SendingAccounts.StreamId(m.IdentityId), new SenderRemoved(m.IdentityId, m.KeyId, m.DeletedAt));
        var queued = await session.QueryAsync("SELECT invitation_id FROM invitation_list WHERE identity_id = $1 AND status = 'queued'",
            [m.IdentityId], reader => reader.GetString(0), context.CancellationToken);
        var now = clock.GetUtcNow();
        foreach (var invitationId in queued)
            session.Events.Append(invitationId, new InvitationCancelled(invitationId, m.KeyId, "identity_deleted", now));
    }
}
