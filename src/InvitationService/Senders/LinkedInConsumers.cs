using MassTransit;
using Outreach.Contracts;
using Outreach.EventSourcing;
using Outreach.InvitationService.Invitations;
using Outreach.InvitationService.Seats;

namespace Outreach.InvitationService.Senders;

// What identity-service says about LinkedIn accounts decides which account_id may send. The stopping messages commit
// under the sender's gate (see SenderGate); connecting wakes the queue, which may have been paused. Each first checks
// that the message's account is the one this service knows for the identity (SenderTenancy), and a connection that
// its seat and LinkedIn account are not another account's: otherwise it is forged or misrouted and changes nothing.

/// <summary>LinkedInConnected: the identity's LinkedIn account may send (and its paused queue resumes).</summary>
public sealed class LinkedInConnectedConsumer(IDocumentStore store, QueueSignal queue, ILogger<LinkedInConnectedConsumer> logger)
    : InboxConsumer<LinkedInConnected>(store)
{
    protected override async Task HandleAsync(ConsumeContext<LinkedInConnected> context, IDocumentSession session)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var foreign =
            !await SenderTenancy.IsOfAccountAsync(session, m.IdentityId, m.AccountId, ct) ? "the identity"
            : m.SeatId is { } seatId && !await SeatTenancy.IsOfAccountAsync(session, seatId, m.AccountId, ct) ? "its seat"
            : !await SenderTenancy.IsProviderAccountFreeForAsync(session, m.ProviderAccountId, m.AccountId, ct) ? "its LinkedIn account"
            : null;
        if (foreign is not null)
        {
            SenderTenancy.LogForeignAccount(logger, nameof(LinkedInConnected), m.IdentityId, m.AccountId, foreign);
            return;
        }

        session.TenantId = m.KeyId;
        session.Events.Append(SendingAccounts.StreamId(m.IdentityId),
            new SenderConnected(m.IdentityId, m.AccountId, m.KeyId, m.SeatId, m.ProviderAccountId, m.ConnectedAt));
        queue.Wake();
    }
}

/// <summary>LinkedInDisconnected: sends from the account stop at once; its queue pauses until it connects again.</summary>
public sealed class LinkedInDisconnectedConsumer(IDocumentStore store, SenderGate gate, ILogger<LinkedInDisconnectedConsumer> logger)
    : InboxConsumer<LinkedInDisconnected>(store)
{
    protected override async ValueTask<IAsyncDisposable?> EnterAsync(ConsumeContext<LinkedInDisconnected> context) =>
        await gate.EnterAsync(SenderGate.KeyOf(context.Message.SeatId, context.Message.IdentityId), context.CancellationToken);

    protected override async Task HandleAsync(ConsumeContext<LinkedInDisconnected> context, IDocumentSession session)
    {
        var m = context.Message;
        if (!await SenderTenancy.IsOfAccountAsync(session, m.IdentityId, m.AccountId, context.CancellationToken))
        {
            SenderTenancy.LogForeignAccount(logger, nameof(LinkedInDisconnected), m.IdentityId, m.AccountId, "the identity");
            return;
        }

        session.TenantId = m.KeyId;
        session.Events.Append(SendingAccounts.StreamId(m.IdentityId), new SenderDisconnected(m.IdentityId, m.KeyId, m.Reason, m.DisconnectedAt));
    }
}

/// <summary>IdentityDeleted: the account is gone for good; what it had queued is cancelled.</summary>
public sealed class IdentityDeletedConsumer(IDocumentStore store, SenderGate gate, TimeProvider clock, ILogger<IdentityDeletedConsumer> logger)
    : InboxConsumer<IdentityDeleted>(store)
{
    protected override async ValueTask<IAsyncDisposable?> EnterAsync(ConsumeContext<IdentityDeleted> context) =>
        await gate.EnterAsync(SenderGate.KeyOf(context.Message.SeatId, context.Message.IdentityId), context.CancellationToken);

    protected override async Task HandleAsync(ConsumeContext<IdentityDeleted> context, IDocumentSession session)
    {
        var m = context.Message;
        if (!await SenderTenancy.IsOfAccountAsync(session, m.IdentityId, m.AccountId, context.CancellationToken))
        {
            SenderTenancy.LogForeignAccount(logger, nameof(IdentityDeleted), m.IdentityId, m.AccountId, "the identity");
            return;
        }

        session.TenantId = m.KeyId;
        session.Events.Append(SendingAccounts.StreamId(m.IdentityId), new SenderRemoved(m.IdentityId, m.KeyId, m.DeletedAt));
        // The account too: an invitation is its account's, whatever sending_accounts says.
        var queued = await session.QueryAsync("SELECT invitation_id FROM invitation_list WHERE identity_id = $1 AND account_id = $2 AND status = 'queued'",
            [m.IdentityId, m.AccountId], reader => reader.GetString(0), context.CancellationToken);
        var now = clock.GetUtcNow();
        foreach (var invitationId in queued)
            session.Events.Append(invitationId, new InvitationCancelled(invitationId, m.KeyId, "identity_deleted", now));
    }
}
