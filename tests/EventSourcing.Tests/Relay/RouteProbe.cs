using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Outreach.EventSourcing.Tests.Relay;

/// <summary>
/// Asks the broker itself whether the consumer can still be reached, hop by hop, when messages it confirmed never
/// arrived: does the queue exist and have a consumer, and does a mandatory publish to the queue's own exchange (and to
/// the message type's, which other queues share) reach a queue or come back unroutable. Only for a test that already failed: a probe
/// that is routed lands in the consumer's queue (and its error queue, as it is no MassTransit message).
/// </summary>
internal static class RouteProbe
{
    public static async Task<string> DescribeAsync(Uri broker, string queue, string messageExchange)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        var parts = new List<string>();
        await using (var channel = await connection.CreateChannelAsync())
        {
            try
            {
                var declared = await channel.QueueDeclarePassiveAsync(queue);
                parts.Add($"queue {queue} exists with {declared.MessageCount} messages and {declared.ConsumerCount} consumers");
            }
            catch (OperationInterruptedException e)
            {
                parts.Add($"queue {queue}: {e.Message}");
            }
        }

        // The queue's own exchange feeds only this queue, so its answer is about this test's binding. The message
        // type's exchange also feeds earlier tests' ledger queues: "routed" there does not prove this test's binding
        // from it, only "returned" would say something (that no queue at all is behind it).
        parts.Add($"a mandatory publish to the queue's exchange {queue} was {await PublishAsync(connection, queue)}");
        parts.Add($"to the message exchange {messageExchange} (any ledger queue counts) {await PublishAsync(connection, messageExchange)}");
        return string.Join("; ", parts) + ".";
    }

    private static async Task<string> PublishAsync(IConnection connection, string exchange)
    {
        // A channel each: a publish to a missing exchange closes its channel.
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        try
        {
            await channel.BasicPublishAsync(exchange, "", mandatory: true, new BasicProperties(), "route probe"u8.ToArray());
            return "routed to a queue";
        }
        catch (PublishException e) when (e.IsReturn)
        {
            return "returned: no queue is bound behind it";
        }
        catch (Exception e) when (e is PublishException or OperationInterruptedException or AlreadyClosedException)
        {
            return $"refused ({e.Message})";
        }
    }
}
