using System.Text;
using RabbitMQ.Client;

namespace Outreach.ServiceDefaults.Tests.Support;

public sealed record QueuedMessage(string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>Looks into the broker's queues with the plain RabbitMQ client, beside MassTransit rather than through it.</summary>
public static class RabbitMqQueues
{
    /// <summary>
    /// Takes messages off the queue until one whose body contains the marker; null when the queue runs dry
    /// or does not exist yet (MassTransit declares an error queue on its first fault).
    /// </summary>
    public static async Task<QueuedMessage?> TakeAsync(string connectionString, string queue, string marker)
    {
        try
        {
            return await TakeExistingAsync(connectionString, queue, marker);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException missing) when (missing.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private static async Task<QueuedMessage?> TakeExistingAsync(string connectionString, string queue, string marker)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
        {
            var body = Encoding.UTF8.GetString(result.Body.Span);
            if (!body.Contains(marker, StringComparison.Ordinal))
                continue;
            var headers = (result.BasicProperties.Headers ?? new Dictionary<string, object?>())
                .ToDictionary(h => h.Key, h => h.Value switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    null => "",
                    var other => other.ToString() ?? "",
                }, StringComparer.Ordinal);
            return new QueuedMessage(body, headers);
        }

        return null;
    }

    public static async Task<uint> CountAsync(string connectionString, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }
}
