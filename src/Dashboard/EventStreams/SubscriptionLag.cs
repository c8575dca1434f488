using Npgsql;

namespace Outreach.Dashboard.EventStreams;

/// <summary>
/// Where one subscription stands.
/// <para>
/// The store keeps a checkpoint as (transaction id, sequence) and, once caught up, saves "every transaction below
/// the horizon" with the largest sequence there is, so the raw sequence is not a global sequence one can subtract.
/// <see cref="ProcessedThrough"/> is therefore read from the log: the global sequence just before the first event
/// after the checkpoint (the head when there is none). <see cref="Lag"/> is the head minus that, the figure the
/// store's lag gauge reports; <see cref="Unprocessed"/> counts the committed events after the checkpoint, up to
/// <see cref="SubscriptionLag.CountCap"/>.
/// </para>
/// </summary>
public sealed record SubscriptionStatus(
    string Name,
    ulong CheckpointTransactionId,
    long? CheckpointSequence,
    DateTimeOffset UpdatedAt,
    long ProcessedThrough,
    long HeadSequence,
    long Lag,
    long Unprocessed,
    bool UnprocessedCapped,
    DateTimeOffset? OldestUnprocessedAt);

public static class SubscriptionLag
{
    /// <summary>Counting stops here, so a page refresh on a far-behind subscription does not scan the whole log.</summary>
    public const int CountCap = 10_000;

    // The first unprocessed event is read in the subscription's own order on the (tx_id, seq_id) index: cheap.
    private const string Sql = """
        SELECT c.name, c.tx_id, c.seq_id, c.updated_at, h.head, f.seq_id, f.timestamp,
               (SELECT count(*) FROM (SELECT 1 FROM events e WHERE (e.tx_id, e.seq_id) > (c.tx_id, c.seq_id) LIMIT $1) AS pending)
        FROM subscription_checkpoints c
        CROSS JOIN (SELECT coalesce(max(seq_id), 0) AS head FROM events) AS h
        LEFT JOIN LATERAL (
            SELECT e.seq_id, e.timestamp FROM events e WHERE (e.tx_id, e.seq_id) > (c.tx_id, c.seq_id) ORDER BY e.tx_id, e.seq_id LIMIT 1
        ) AS f ON true
        ORDER BY c.name
        """;

    public static async Task<IReadOnlyList<SubscriptionStatus>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = CountCap + 1 });
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        var statuses = new List<SubscriptionStatus>();
        while (await rows.ReadAsync(cancellationToken))
        {
            var sequence = rows.GetInt64(2);
            var head = rows.GetInt64(4);
            var processedThrough = rows.IsDBNull(5) ? head : rows.GetInt64(5) - 1;
            var unprocessed = rows.GetInt64(7);
            statuses.Add(new SubscriptionStatus(
                rows.GetString(0),
                rows.GetFieldValue<ulong>(1),
                sequence == long.MaxValue ? null : sequence,
                rows.GetFieldValue<DateTimeOffset>(3),
                processedThrough,
                head,
                Math.Max(0, head - processedThrough),
                Math.Min(unprocessed, CountCap),
                unprocessed > CountCap,
                rows.IsDBNull(6) ? null : rows.GetFieldValue<DateTimeOffset>(6)));
        }

        return statuses;
    }
}
