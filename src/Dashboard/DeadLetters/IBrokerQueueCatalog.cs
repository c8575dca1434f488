namespace Outreach.Dashboard.DeadLetters;

/// <summary>
/// Lists the broker's queues. AMQP 0-9-1 has no "list queues" method and the management plugin is off (it slows the
/// node's cold start and opens another port), so whoever runs the broker provides the list: the AppHost asks its own
/// node with rabbitmqctl. Counts may be a few seconds old; the dashboard asks each queue for its live count itself.
/// </summary>
public interface IBrokerQueueCatalog
{
    /// <summary>Every queue of the broker's default virtual host.</summary>
    /// <exception cref="BrokerQueueCatalogException">The broker could not be asked.</exception>
    Task<IReadOnlyList<BrokerQueueInfo>> ListQueuesAsync(CancellationToken cancellationToken);
}

/// <summary>A queue and the number of messages ready in it.</summary>
public sealed record BrokerQueueInfo(string Name, long Messages);

/// <summary>The catalog could not list the queues (broker down, tool failed); the message says why.</summary>
public sealed class BrokerQueueCatalogException : Exception
{
    public BrokerQueueCatalogException()
    {
    }

    public BrokerQueueCatalogException(string message) : base(message)
    {
    }

    public BrokerQueueCatalogException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
