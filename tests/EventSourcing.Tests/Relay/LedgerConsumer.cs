using System.Diagnostics;
using MassTransit;
using Outreach.EventSourcing.Tests.Relay.Messages;

namespace Outreach.EventSourcing.Tests.Relay;

/// <summary>What the consumer's own log records per message: the effect, and the trace it ran in.</summary>
public sealed record LedgerEntryAdded(string AccountId, decimal Amount, string? TraceId);

/// <summary>A consumer in "another service": appends one ledger entry per message, through the inbox.</summary>
public sealed class LedgerConsumer(IDocumentStore store) : InboxConsumer<DepositRecorded>(store)
{
    protected override Task HandleAsync(ConsumeContext<DepositRecorded> context, IDocumentSession session)
    {
        var message = context.Message;
        session.Events.Append($"ledger_{message.AccountId}",
            new LedgerEntryAdded(message.AccountId, message.Amount, Activity.Current?.TraceId.ToString()));
        return Task.CompletedTask;
    }
}
