using Npgsql;
using NpgsqlTypes;

namespace Outreach.EventSourcing;

/// <summary>
/// Builds the one statement that appends a unit of work's events. Its order is the whole concurrency design:
/// <list type="number">
/// <item>Take a transaction-level advisory lock per stream (sorted keys). An advisory lock is not a write, so the
/// transaction has no xid yet while it waits: whoever waits for a stream gets a larger xid than the holder, which is
/// what lets subscriptions order by (tx_id, seq_id) and still see each stream in version order.</item>
/// <item>Check and bump each stream row (the transaction's first write).</item>
/// <item>Only if every stream matched, insert the events: losers never call nextval, so they leave no seq gap.</item>
/// </list>
/// </summary>
internal static class AppendCommandBuilder
{
    private const string EventColumns = "id, stream_id, version, type, data, correlation_id, causation_id, traceparent, tenant_id, actor";
    private const string Returning = "RETURNING id, seq_id, version, timestamp, tx_id";

    // One stream: the version check is the stream CTE itself; when it matches no row, no event row is produced.
    private static string SingleStream(string streamStatement, bool oneEvent) => $"""
        WITH lk AS (SELECT pg_advisory_xact_lock($1)),
        s AS ({streamStatement} RETURNING version)
        INSERT INTO events ({EventColumns})
        {(oneEvent
            ? "SELECT $6, $2, s.version, $7, $8, $9, $10, $11, $5, $12 FROM s"
            : """
              SELECT e.id, $2, s.version - $4 + e.pos, e.type, e.data, $9, $10, $11, $5, $12
              FROM s CROSS JOIN unnest($6::uuid[], $7::text[], $8::jsonb[]) WITH ORDINALITY AS e(id, type, data, pos)
              ORDER BY e.pos
              """)}
        {Returning}
        """;

    private const string AnyVersionStream =
        "INSERT INTO streams AS st (id, type, version, tenant_id) SELECT $2, $3, $4, $5 FROM lk ON CONFLICT (id) DO UPDATE SET version = st.version + EXCLUDED.version";

    private const string NewStream =
        "INSERT INTO streams (id, type, version, tenant_id) SELECT $2, $3, $4, $5 FROM lk ON CONFLICT (id) DO NOTHING";

    private const string ExpectedVersionStream =
        "UPDATE streams AS st SET version = st.version + $4 FROM lk WHERE st.id = $2 AND st.version = $13";

    // [expectation][one event?]: the statement text per shape, so each is prepared once per connection.
    private static readonly string[,] SingleStreamSql =
    {
        { SingleStream(AnyVersionStream, false), SingleStream(AnyVersionStream, true) },
        { SingleStream(NewStream, false), SingleStream(NewStream, true) },
        { SingleStream(ExpectedVersionStream, false), SingleStream(ExpectedVersionStream, true) },
    };

    // Several streams: every stream CTE runs before the first event row (the gate is an init-plan), and a miss raises
    // so that streams already bumped are rolled back with the statement.
    private static readonly string MultiStreamSql = $"""
        WITH lk AS (SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) WITH ORDINALITY AS l(k, n) ORDER BY n),
        input AS (SELECT * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::int[]) AS i(id, type, expected, n)),
        any_s AS (
            INSERT INTO streams AS st (id, type, version, tenant_id)
            SELECT i.id, i.type, i.n, $6 FROM input i WHERE i.expected IS NULL AND (SELECT count(*) FROM lk) >= 0
            ON CONFLICT (id) DO UPDATE SET version = st.version + EXCLUDED.version
            RETURNING st.id, st.version),
        new_s AS (
            INSERT INTO streams AS st (id, type, version, tenant_id)
            SELECT i.id, i.type, i.n, $6 FROM input i WHERE i.expected = 0 AND (SELECT count(*) FROM lk) >= 0
            ON CONFLICT (id) DO NOTHING
            RETURNING st.id, st.version),
        exp_s AS (
            UPDATE streams AS st SET version = st.version + i.n FROM input i
            WHERE i.expected > 0 AND st.id = i.id AND st.version = i.expected AND (SELECT count(*) FROM lk) >= 0
            RETURNING st.id, st.version),
        ok AS (SELECT id, version FROM any_s UNION ALL SELECT id, version FROM new_s UNION ALL SELECT id, version FROM exp_s)
        INSERT INTO events ({EventColumns})
        SELECT e.id, e.stream_id, ok.version - e.total + e.pos, e.type, e.data, $13, $14, $15, $6, $16
        FROM unnest($7::uuid[], $8::text[], $9::int[], $10::int[], $11::text[], $12::jsonb[]) WITH ORDINALITY AS e(id, stream_id, pos, total, type, data, ord)
        JOIN ok ON ok.id = e.stream_id
        WHERE (SELECT CASE WHEN count(*) = cardinality($2::text[]) THEN true ELSE es_raise_stream_conflict() END FROM ok)
        ORDER BY e.ord
        {Returning}
        """;

    public const string ConflictSqlState = "ES409";

    public static NpgsqlBatchCommand Build(IReadOnlyList<StreamAction> streams, IReadOnlyList<string> serializedData, SessionMetadata metadata)
    {
        return streams.Count == 1
            ? BuildSingle(streams[0], serializedData, metadata)
            : BuildMulti(streams, serializedData, metadata);
    }

    private static NpgsqlBatchCommand BuildSingle(StreamAction stream, IReadOnlyList<string> data, SessionMetadata metadata)
    {
        var expected = stream.ExpectedVersionOnServer;
        var events = stream.PendingEvents;
        var oneEvent = events.Count == 1;
        var command = new NpgsqlBatchCommand(SingleStreamSql[expected switch { null => 0, 0 => 1, _ => 2 }, oneEvent ? 1 : 0]);
        var p = command.Parameters;
        p.Add(Value(LockKeys.Stream(stream.StreamId), NpgsqlDbType.Bigint));
        p.Add(Value(stream.StreamId, NpgsqlDbType.Text));
        p.Add(Value(AggregateName(stream), NpgsqlDbType.Text));
        p.Add(Value((long)events.Count, NpgsqlDbType.Bigint));
        p.Add(Value(metadata.TenantId, NpgsqlDbType.Text));
        if (oneEvent)
        {
            p.Add(Value(events[0].Id, NpgsqlDbType.Uuid));
            p.Add(Value(events[0].EventTypeName, NpgsqlDbType.Text));
            p.Add(Value(data[0], NpgsqlDbType.Jsonb));
        }
        else
        {
            p.Add(Value(events.Select(e => e.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid));
            p.Add(Value(events.Select(e => e.EventTypeName).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text));
            p.Add(Value(data.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Jsonb));
        }
        AddMetadata(p, metadata);
        if (expected is > 0)
            p.Add(Value(expected.Value, NpgsqlDbType.Bigint));
        return command;
    }

    private static NpgsqlBatchCommand BuildMulti(IReadOnlyList<StreamAction> streams, IReadOnlyList<string> data, SessionMetadata metadata)
    {
        var command = new NpgsqlBatchCommand(MultiStreamSql);
        var p = command.Parameters;
        p.Add(Value(streams.Select(s => LockKeys.Stream(s.StreamId)).Distinct().Order().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint));
        p.Add(Value(streams.Select(s => s.StreamId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text));
        p.Add(Value(streams.Select(AggregateName).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text));
        p.Add(Value(streams.Select(s => s.ExpectedVersionOnServer).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint));
        p.Add(Value(streams.Select(s => s.PendingEvents.Count).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer));
        p.Add(Value(metadata.TenantId, NpgsqlDbType.Text));

        var events = streams.SelectMany(s => s.PendingEvents.Select((e, i) => (Event: e, Position: i + 1, Total: s.PendingEvents.Count))).ToArray();
        p.Add(Value(events.Select(e => e.Event.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid));
        p.Add(Value(events.Select(e => e.Event.StreamId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text));
        p.Add(Value(events.Select(e => e.Position).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer));
        p.Add(Value(events.Select(e => e.Total).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer));
        p.Add(Value(events.Select(e => e.Event.EventTypeName).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text));
        p.Add(Value(data.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Jsonb));
        AddMetadata(p, metadata);
        return command;
    }

    private static void AddMetadata(NpgsqlParameterCollection p, SessionMetadata metadata)
    {
        p.Add(Value(metadata.CorrelationId, NpgsqlDbType.Text));
        p.Add(Value(metadata.CausationId, NpgsqlDbType.Text));
        p.Add(Value(metadata.TraceParent, NpgsqlDbType.Text));
        p.Add(Value(metadata.Actor, NpgsqlDbType.Text));
    }

    private static string? AggregateName(StreamAction stream) => stream.AggregateType?.Name;

    private static NpgsqlParameter Value(object? value, NpgsqlDbType type) =>
        new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
