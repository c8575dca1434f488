using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Outreach.Dashboard.DeadLetters;

/// <summary>A dead-letter queue with its live message count and the first messages in it.</summary>
public sealed record DeadLetterQueueContents(string Name, string OriginalQueue, string Kind, long MessageCount, IReadOnlyList<DeadLetterMessage> Messages)
{
    public bool Truncated => MessageCount > Messages.Count;
}

/// <summary>What the dead-letter page shows: the queues, or why they could not be listed.</summary>
public sealed record DeadLetterListing(IReadOnlyList<DeadLetterQueueContents> Queues, string? Problem);

/// <summary>
/// Reads and redelivers dead letters. Reading is basic.get with manual ack on a channel of its own, never acked:
/// closing the channel hands every message back to the broker in its place, so looking loses nothing and reorders
/// nothing. One operation at a time: messages a listing holds are invisible to a redelivery running beside it.
/// </summary>
public sealed class DeadLetterQueues(BrokerConnection broker, IBrokerQueueCatalog? catalog) : IDisposable
{
    /// <summary>Messages shown per queue; the count is always the queue's full count.</summary>
    public const int MessagesPerQueue = 50;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<DeadLetterListing> ListAsync(CancellationToken cancellationToken)
    {
        if (!broker.IsConfigured)
        {
            return new DeadLetterListing([], "No broker is configured.");
        }

        if (catalog is null)
        {
            return new DeadLetterListing([], "Queue listing is not available: the dashboard was started without a broker queue catalog.");
        }

        try
        {
            var names = (await catalog.ListQueuesAsync(cancellationToken))
                .Select(queue => queue.Name)
                .Where(DeadLetterQueueName.IsDeadLetterQueue)
                .Order(StringComparer.Ordinal)
                .ToList();
            await _oneAtATime.WaitAsync(cancellationToken);
            try
            {
                var queues = new List<DeadLetterQueueContents>();
                foreach (var name in names)
                {
                    if (await BrowseAsync(name, cancellationToken) is { } queue)
                    {
                        queues.Add(queue);
                    }
                }

                return new DeadLetterListing(queues, null);
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        catch (Exception e) when (IsBrokerFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            return new DeadLetterListing([], $"The broker could not be read: {e.Message}");
        }
    }

    /// <summary>
    /// Moves the message with <paramref name="messageId"/> from the dead-letter queue back to its original queue through
    /// the default exchange, with its body and its headers minus the failure's. Published with a confirm and as
    /// mandatory before it is acked, so a crash in between leaves a copy in both places rather than in neither.
    /// </summary>
    public async Task<RedeliveryOutcome> RedeliverAsync(string queue, string messageId, CancellationToken cancellationToken)
    {
        if (DeadLetterQueueName.OriginalQueueOf(queue) is not { } original)
        {
            return RedeliveryOutcome.NotFound;
        }

        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var channel = await broker.OpenChannelAsync(confirmPublishes: true, cancellationToken);
            try
            {
                while (await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } delivery)
                {
                    if (DeadLetterMessage.IdOf(delivery.BasicProperties, delivery.Body) != messageId)
                    {
                        continue;
                    }

                    var properties = Redelivery.PropertiesOf(delivery.BasicProperties);
                    await channel.BasicPublishAsync("", original, mandatory: true, properties, delivery.Body, cancellationToken);
                    await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
                    return RedeliveryOutcome.Redelivered;
                }

                return RedeliveryOutcome.NotFound;
            }
            finally
            {
                // Every message looked at and not acked goes back to where it was.
                await channel.CloseAsync(cancellationToken);
            }
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return RedeliveryOutcome.NotFound;
        }
        catch (PublishException)
        {
            return RedeliveryOutcome.OriginalQueueMissing;
        }
        catch (Exception e) when (IsBrokerFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            return RedeliveryOutcome.BrokerUnavailable;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<DeadLetterQueueContents?> BrowseAsync(string name, CancellationToken cancellationToken)
    {
        await using var channel = await broker.OpenChannelAsync(confirmPublishes: false, cancellationToken);
        try
        {
            // Passive: asks for the live count and never creates the queue.
            var declared = await channel.QueueDeclarePassiveAsync(name, cancellationToken);
            var messages = new List<DeadLetterMessage>();
            while (messages.Count < MessagesPerQueue && await channel.BasicGetAsync(name, autoAck: false, cancellationToken) is { } delivery)
            {
                messages.Add(DeadLetterMessage.From(delivery.BasicProperties, delivery.Body));
            }

            await channel.CloseAsync(cancellationToken);
            return new DeadLetterQueueContents(name, DeadLetterQueueName.OriginalQueueOf(name)!, DeadLetterQueueName.KindOf(name), declared.MessageCount, messages);
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            // Deleted since the catalog listed it.
            return null;
        }
    }

    private static bool IsBrokerFailure(Exception e) =>
        e is BrokerQueueCatalogException or BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException
            or System.Net.Sockets.SocketException or IOException or TimeoutException;

    public void Dispose() => _oneAtATime.Dispose();
}

public enum RedeliveryOutcome
{
    Redelivered,
    NotFound,

    /// <summary>The original queue no longer exists, so the message stays where it is.</summary>
    OriginalQueueMissing,

    BrokerUnavailable,
}
