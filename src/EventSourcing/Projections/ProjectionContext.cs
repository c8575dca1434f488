using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>The transaction an inline projection writes in, and the event being projected (for its metadata).</summary>
public sealed class ProjectionContext : SqlContext
{
    private NpgsqlBatch? _pending;

    internal ProjectionContext(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
        : base(connection, transaction, cancellationToken)
    {
    }

    /// <summary>The event whose Project method is running (sequence, version, timestamp, metadata).</summary>
    public IEvent Event { get; internal set; } = null!;

    /// <summary>
    /// Queues a write whose answer the projection does not need. Queued writes reach the server together, in order,
    /// before the next <see cref="ExecuteAsync"/> and before the commit: one round trip for all of a unit of work's
    /// projection writes instead of one each. A read through <see cref="SqlContext.CreateCommand"/> does not see
    /// queued writes; read first, or call <see cref="FlushAsync"/>.
    /// </summary>
    public Task EnqueueAsync(string sql, params object?[] parameters)
    {
        (_pending ??= new NpgsqlBatch(Connection, Transaction)).BatchCommands.Add(SqlCommands.CreateBatchCommand(sql, parameters));
        return Task.CompletedTask;
    }

    /// <summary>Sends the queued writes now.</summary>
    public async Task FlushAsync()
    {
        if (_pending is not { } batch)
            return;
        _pending = null;
        await using (batch)
            await batch.ExecuteNonQueryAsync(CancellationToken);
    }

    /// <summary>Runs after the queued writes, so the statements keep their order.</summary>
    public override async Task<int> ExecuteAsync(string sql, params object?[] parameters)
    {
        await FlushAsync();
        return await base.ExecuteAsync(sql, parameters);
    }
}
