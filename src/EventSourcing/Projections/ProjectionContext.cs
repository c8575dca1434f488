using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>The transaction an inline projection writes in, and the event being projected (for its metadata).</summary>
public sealed class ProjectionContext : SqlContext
{
    internal ProjectionContext(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
        : base(connection, transaction, cancellationToken)
    {
    }

    /// <summary>The event whose Project method is running (sequence, version, timestamp, metadata).</summary>
    public IEvent Event { get; internal set; } = null!;
}
