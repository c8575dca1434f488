using MassTransit;

namespace Outreach.EventSourcing;

/// <summary>
/// A MassTransit consumer whose effect happens once per message, however often it is delivered: the inbox row
/// (message id, consumer) commits in the same transaction as the handler's appends. A redelivery finds the row and
/// does nothing; a concurrent duplicate loses the race on the row's key, rolls back and is treated as handled.
/// </summary>
public abstract class InboxConsumer<TMessage>(IDocumentStore store) : IConsumer<TMessage>
    where TMessage : class
{
    /// <summary>The store, for a handler that must commit something on its own before its effect (e.g. "in progress").</summary>
    protected IDocumentStore Store { get; } = store;

    /// <summary>The inbox key's consumer part; keep it stable. Defaults to the class name.</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId; the inbox needs one.");
        await using var gate = await EnterAsync(context);
        await using var session = Store.LightweightSession();
        session.CausationId = messageId.ToString();
        session.CorrelationId = context.Headers.Get<string>(RelayHeaders.CorrelationId) ?? context.CorrelationId?.ToString();
        if (await session.HasHandledAsync(messageId, ConsumerName, context.CancellationToken))
            return;

        await HandleAsync(context, session);
        session.MarkMessageHandled(messageId, ConsumerName);
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (MessageAlreadyHandledException)
        {
            // A concurrent delivery of the same message committed first; its effect stands, ours rolled back.
        }
    }

    /// <summary>
    /// Something to hold from before the inbox check until the effect has committed (e.g. a lock that another writer
    /// takes too, so it cannot act on what this message is about to change). Null, the default, holds nothing.
    /// </summary>
    protected virtual ValueTask<IAsyncDisposable?> EnterAsync(ConsumeContext<TMessage> context) => ValueTask.FromResult<IAsyncDisposable?>(null);

    /// <summary>Stage the effect in <paramref name="session"/> (appends, queued SQL); do not call SaveChangesAsync.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, IDocumentSession session);
}
