namespace Outreach.EventSourcing.Tests.Subscriptions;

/// <summary>
/// Writes every delivered event into the table <c>seen</c> inside the batch transaction (so a checkpoint and its
/// rows commit together), with a delivery number, so a test can check exactly-once and order in SQL.
/// </summary>
public sealed class RecordingSubscription : EventSubscription
{
    public const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS seen (
            delivery bigserial PRIMARY KEY,
            seq_id bigint NOT NULL,
            stream_id text NOT NULL,
            version bigint NOT NULL,
            tx_id xid8 NOT NULL,
            instance text NOT NULL)
        """;

    private long _delivered;

    public RecordingSubscription(string instance = "a", string name = "recorder", int batchSize = 500)
    {
        Instance = instance;
        Name = name;
        BatchSize = batchSize;
    }

    public string Instance { get; }

    /// <summary>Delivers only events of <typeparamref name="T"/> (and others included the same way).</summary>
    public RecordingSubscription Only<T>()
    {
        IncludeType<T>();
        return this;
    }

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>When set, a batch fails (and must be retried) while this returns true.</summary>
    public Func<bool>? FailWhile { get; set; }

    public override async Task ProcessEventsAsync(IReadOnlyList<IEvent> events, SubscriptionContext context)
    {
        if (FailWhile?.Invoke() == true)
            throw new InvalidOperationException("Injected subscriber failure");
        await using var command = context.CreateCommand("""
            INSERT INTO seen (seq_id, stream_id, version, tx_id, instance)
            SELECT s, st, v, t, $5 FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[]::xid8[]) WITH ORDINALITY AS x(s, st, v, t, n) ORDER BY n
            """,
            events.Select(e => e.Sequence).ToArray(),
            events.Select(e => e.StreamId).ToArray(),
            events.Select(e => e.Version).ToArray(),
            events.Select(e => e.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            Instance);
        await command.ExecuteNonQueryAsync(context.CancellationToken);
        Interlocked.Add(ref _delivered, events.Count);
    }
}
