using Npgsql;

namespace Outreach.Dashboard.EventStreams;

/// <summary>
/// Where one subscription stands. <see cref="Lag"/> is the head global sequence minus the checkpoint's, the figure
/// the store's lag gauge reports; <see cref="Unprocessed"/> counts the committed events after the checkpoint in the
/// store's own (transaction, sequence) order, up to <see cref="SubscriptionLag.CountCap"/>.
/// </summary>
public sealed record SubscriptionStatus(
    string Name,
    long CheckpointSequence,
    ulong CheckpointTransactionId,
    DateTimeOffset UpdatedAt,
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
        SELECT c.name, c.seq_id, c.tx_id, c.updated_at, h.head,
               (SELECT count(*) FROM (SELECT 1 FROM events e WHERE (e.tx_id, e.seq_id) > (c.tx_id, c.seq_id) LIMIT $1) AS pending),
               (SELECT e.timestamp FROM events e WHERE (e.tx_id, e.seq_id) > (c.tx_id, c.seq_id) ORDER BY e.tx_id, e.seq_id LIMIT 1)
        FROM subscription_checkpoints c
        CROSS JOIN (SELECT coalesce(max(seq_id), 0) AS head FROM events) AS h
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
            var checkpoint = rows.GetInt64(1);
            var head = rows.GetInt64(4);
            var unprocessed = rows.GetInt64(5);
            statuses.Add(new SubscriptionStatus(
                rows.GetString(0),
                checkpoint,
                rows.GetFieldValue<ulong>(2),
                rows.GetFieldValue<DateTimeOffset>(3),
                head,
                Math.Max(0, head - checkpoint),
                Math.Min(unprocessed, CountCap),
                unprocessed > CountCap,
                rows.IsDBNull(6) ? null : rows.GetFieldValue<DateTimeOffset>(6)));
        }

        return statuses;
    }
}
