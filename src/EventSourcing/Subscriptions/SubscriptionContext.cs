using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>The transaction a subscription batch runs in (the checkpoint is saved in it), and a DI scope for the batch.</summary>
public sealed class SubscriptionContext : SqlContext
{
    internal SubscriptionContext(string subscriptionName, NpgsqlConnection connection, NpgsqlTransaction transaction,
        IServiceProvider services, CancellationToken cancellationToken)
        : base(connection, transaction, cancellationToken)
    {
        SubscriptionName = subscriptionName;
        Services = services;
    }

    public string SubscriptionName { get; }

    /// <summary>Services scoped to this batch.</summary>
    public IServiceProvider Services { get; }
}
