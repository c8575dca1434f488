using Npgsql;
using NpgsqlTypes;

namespace Outreach.EventSourcing;

/// <summary>
/// Commits one session's work. A lone append is a single statement in its own implicit transaction (one round
/// trip). Anything more runs in one transaction: the append, projection locks and rebuild check, queued SQL and inbox
/// marks go in one batch; inline projections run next; then COMMIT.
/// </summary>
internal sealed class UnitOfWork(
    DocumentStore store,
    NpgsqlConnection connection,
    IReadOnlyList<StreamAction> streams,
    IReadOnlyList<StoredEvent> events,
    SessionMetadata metadata,
    IReadOnlyList<(string Sql, object?[] Parameters)> queuedSql,
    IReadOnlyList<(Guid MessageId, string Consumer)> inbox)
{
    public async Task CommitAsync(CancellationToken token)
    {
        var data = events.Select(e => store.Serialize(e.Data)).ToArray();
        foreach (var e in events)
        {
            e.CorrelationId = metadata.CorrelationId;
            e.CausationId = metadata.CausationId;
            e.TraceParent = metadata.TraceParent;
            e.TenantId = metadata.TenantId;
            e.Actor = metadata.Actor;
        }

        var projections = store.ProjectionsHandling(events);
        try
        {
            if (projections.Count == 0 && queuedSql.Count == 0 && inbox.Count == 0)
                await AppendAloneAsync(data, token);
            else
                await CommitTransactionAsync(data, projections, token);
        }
        catch (PostgresException e) when (e.SqlState == AppendCommandBuilder.ConflictSqlState)
        {
            throw await ConflictAsync(token);
        }
    }

    private async Task AppendAloneAsync(string[] data, CancellationToken token)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(AppendCommandBuilder.Build(streams, data, metadata));
        await using (var reader = await batch.ExecuteReaderAsync(token))
        {
            if (!await ReadAppendedAsync(reader, token))
            {
                await reader.DisposeAsync();
                throw await ConflictAsync(token);
            }
        }
    }

    private async Task CommitTransactionAsync(string[] data, IReadOnlyList<EventProjection> projections, CancellationToken token)
    {
        await using var transaction = await connection.BeginTransactionAsync(token);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var appends = events.Count > 0;
        if (appends)
            batch.BatchCommands.Add(AppendCommandBuilder.Build(streams, data, metadata));
        if (projections.Count > 0)
        {
            // Shared with every appender, exclusive for a rebuild's start and finish: a rebuild never misses an
            // event whose inline projection was skipped, and never replays one that was applied.
            var keys = projections.Select(p => LockKeys.Projection(p.Name)).Distinct().Order().ToArray();
            batch.BatchCommands.Add(Command(
                "SELECT pg_advisory_xact_lock_shared(k) FROM unnest($1::bigint[]) WITH ORDINALITY AS l(k, n) ORDER BY n",
                (keys, NpgsqlDbType.Array | NpgsqlDbType.Bigint)));
            batch.BatchCommands.Add(Command(
                "SELECT name FROM projection_rebuilds WHERE name = ANY($1)",
                (projections.Select(p => p.Name).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)));
        }
        foreach (var (sql, parameters) in queuedSql)
            batch.BatchCommands.Add(SqlCommands.CreateBatchCommand(sql, parameters));
        var firstInbox = batch.BatchCommands.Count;
        foreach (var (messageId, consumer) in inbox)
        {
            batch.BatchCommands.Add(Command(
                "INSERT INTO inbox (message_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                (messageId, NpgsqlDbType.Uuid), (consumer, NpgsqlDbType.Text)));
        }

        var rebuilding = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await batch.ExecuteReaderAsync(token))
        {
            if (appends && !await ReadAppendedAsync(reader, token))
            {
                await reader.DisposeAsync();
                await transaction.RollbackAsync(token);
                throw await ConflictAsync(token);
            }
            if (projections.Count > 0)
            {
                if (appends)
                    await reader.NextResultAsync(token);
                await reader.NextResultAsync(token);
                while (await reader.ReadAsync(token))
                    rebuilding.Add(reader.GetString(0));
            }
            while (await reader.NextResultAsync(token))
            {
            }
        }

        for (var i = 0; i < inbox.Count; i++)
        {
            if (batch.BatchCommands[firstInbox + i].RecordsAffected == 0)
            {
                await transaction.RollbackAsync(token);
                throw new MessageAlreadyHandledException(inbox[i].MessageId, inbox[i].Consumer);
            }
        }

        var inline = projections.Where(p => !rebuilding.Contains(p.Name)).ToList();
        if (inline.Count > 0)
        {
            var context = new ProjectionContext(connection, transaction, token);
            foreach (var e in events)
            {
                foreach (var projection in inline)
                {
                    if (projection.Handles(e.EventType))
                        await projection.ApplyAsync(e, context);
                }
            }
            await context.FlushAsync();
        }

        await transaction.CommitAsync(token);
    }

    /// <summary>Reads the appended rows into the pending events. False when a stream was not at its expected version.</summary>
    private async Task<bool> ReadAppendedAsync(NpgsqlDataReader reader, CancellationToken token)
    {
        var byId = events.ToDictionary(e => e.Id);
        var count = 0;
        while (await reader.ReadAsync(token))
        {
            var e = byId[reader.GetGuid(0)];
            e.Sequence = reader.GetInt64(1);
            e.Version = reader.GetInt64(2);
            e.Timestamp = reader.GetFieldValue<DateTimeOffset>(3);
            e.TransactionId = reader.GetFieldValue<ulong>(4);
            count++;
        }
        return count == events.Count;
    }

    /// <summary>Names the stream that was not where the writer expected it, with the version it had.</summary>
    private async Task<ConcurrencyException> ConflictAsync(CancellationToken token)
    {
        var actual = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT id, version FROM streams WHERE id = ANY($1)", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = streams.Select(s => s.StreamId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
                actual[reader.GetString(0)] = reader.GetInt64(1);
        }
        var checkedStreams = streams.Where(s => s.ExpectedVersionOnServer is not null).ToList();
        var loser = checkedStreams.FirstOrDefault(s => actual.GetValueOrDefault(s.StreamId) != s.ExpectedVersionOnServer)
                    ?? checkedStreams.FirstOrDefault() ?? streams[0];
        return new ConcurrencyException(loser.StreamId, loser.ExpectedVersionOnServer ?? 0, actual.GetValueOrDefault(loser.StreamId));
    }

    private static NpgsqlBatchCommand Command(string sql, params (object Value, NpgsqlDbType Type)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (value, type) in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
        return command;
    }
}
