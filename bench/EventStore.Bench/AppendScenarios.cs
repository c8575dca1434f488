using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Outreach.EventSourcing;
using Outreach.EventStore.Bench.Events;

namespace Outreach.EventStore.Bench;

/// <summary>
/// Append throughput of the store beside raw Npgsql on the same database and pool settings. The raw side writes the
/// same JSON into a plain table with a bigint identity key: the cheapest way to store the same bytes.
/// </summary>
internal sealed class AppendScenarios(DocumentStore store, NpgsqlDataSource raw, TimeSpan duration)
{
    private const int StreamsPerWriter = 10;
    private readonly long[,] _versions = new long[64, StreamsPerWriter];
    private readonly int[] _next = new int[64];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task CreateRawTableAsync(NpgsqlDataSource raw)
    {
        await using var command = raw.CreateCommand("""
            CREATE TABLE IF NOT EXISTS raw_events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                stream_id text NOT NULL,
                type text NOT NULL,
                data jsonb NOT NULL,
                created timestamptz NOT NULL DEFAULT now())
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One event per unit of work, with an expected version (the path FetchForWriting takes).</summary>
    public Task<double> StoreSingleAsync(int writers) => Load.RateAsync(writers, duration, async w =>
    {
        var k = _next[w]++ % StreamsPerWriter;
        var id = $"seat-{w}-{k}";
        await using var session = store.LightweightSession();
        session.Events.Append(id, ++_versions[w, k], SeatAdded.For(id));
        await session.SaveChangesAsync();
        return 1;
    });

    /// <summary>BEGIN; INSERT one row; COMMIT — the baseline the issue names.</summary>
    public Task<double> RawSingleAsync(int writers) => Load.RateAsync(writers, duration, async w =>
    {
        var id = $"seat-{w}-{_next[w]++ % StreamsPerWriter}";
        await using var connection = await raw.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("INSERT INTO raw_events (stream_id, type, data) VALUES ($1, $2, $3)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "seat_added" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(SeatAdded.For(id), Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return 1;
    });

    /// <summary>The same INSERT without an explicit transaction (one round trip): context, not the baseline.</summary>
    public Task<double> RawSingleAutocommitAsync(int writers) => Load.RateAsync(writers, duration, async w =>
    {
        var id = $"seat-{w}-{_next[w]++ % StreamsPerWriter}";
        await using var command = raw.CreateCommand("INSERT INTO raw_events (stream_id, type, data) VALUES ($1, $2, $3)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "seat_added" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(SeatAdded.For(id), Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync();
        return 1;
    });

    /// <summary>100 events to one stream per unit of work.</summary>
    public Task<double> StoreBatchAsync(int writers, int size) => Load.RateAsync(writers, duration, async w =>
    {
        var k = _next[w]++ % StreamsPerWriter;
        var id = $"seat-{w}-{k}";
        var events = new object[size];
        for (var i = 0; i < size; i++)
            events[i] = SeatAdded.For(id);
        _versions[w, k] += size;
        await using var session = store.LightweightSession();
        session.Events.Append(id, _versions[w, k], events);
        await session.SaveChangesAsync();
        return size;
    });

    /// <summary>BEGIN; one INSERT of 100 rows (unnest); COMMIT.</summary>
    public Task<double> RawBatchAsync(int writers, int size) => Load.RateAsync(writers, duration, async w =>
    {
        var id = $"seat-{w}-{_next[w]++ % StreamsPerWriter}";
        var data = new string[size];
        for (var i = 0; i < size; i++)
            data[i] = JsonSerializer.Serialize(SeatAdded.For(id), Json);
        await using var connection = await raw.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO raw_events (stream_id, type, data) SELECT $1, $2, d FROM unnest($3::jsonb[]) AS d", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "seat_added" });
        command.Parameters.Add(new NpgsqlParameter { Value = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return size;
    });
}
