using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.EventStore.Bench.Events;

namespace Outreach.EventStore.Bench;

/// <summary>
/// How fast a subscription that starts from zero reads a full log: supervised runner, horizon reads, one
/// checkpoint transaction per batch, bodies deserialised. Beside it, raw Npgsql pages through the same rows by
/// seq_id (no horizon, no checkpoint) and deserialises the same bodies.
/// </summary>
internal static class CatchUpScenario
{
    public const int BatchSize = 1000;

    public static async Task FillAsync(DocumentStore store, int events)
    {
        const int perUnit = 1000;
        var units = events / perUnit;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int unit;
            while ((unit = Interlocked.Increment(ref next)) < units)
            {
                var id = $"fill-{unit}";
                await using var session = store.LightweightSession();
                session.Events.StartStream(id, Enumerable.Range(0, perUnit).Select(_ => (object)SeatAdded.For(id)).ToArray());
                await session.SaveChangesAsync();
            }
        })));
    }

    public static async Task<double> SubscriptionAsync(string connectionString, int events)
    {
        var counter = new CountingSubscription(events);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddEventStore(o =>
        {
            o.Connection(connectionString);
            o.Events.AddEventType<SeatAdded>();
        }).AddSubscription(counter);
        using var host = builder.Build();
        await host.Services.GetRequiredService<IDocumentStore>().Advanced.ApplyMigrationsAsync();
        var clock = Stopwatch.StartNew();
        await host.StartAsync();
        await counter.Done.WaitAsync(TimeSpan.FromMinutes(5));
        var rate = events / clock.Elapsed.TotalSeconds;
        await host.StopAsync();
        return rate;
    }

    public static async Task<double> RawAsync(NpgsqlDataSource raw, int events)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var clock = Stopwatch.StartNew();
        long after = 0, read = 0, checksum = 0;
        await using var connection = await raw.OpenConnectionAsync();
        while (read < events)
        {
            await using var command = new NpgsqlCommand("""
                SELECT seq_id, id, stream_id, version, type, data, timestamp, tx_id, correlation_id, causation_id, traceparent, tenant_id, actor
                FROM events WHERE seq_id > $1 ORDER BY seq_id LIMIT $2
                """, connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = BatchSize });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                after = reader.GetInt64(0);
                var e = JsonSerializer.Deserialize<SeatAdded>(reader.GetString(5), json)!;
                checksum += e.DailyLimit + reader.GetInt64(3) + reader.GetString(2).Length + reader.GetGuid(1).GetHashCode();
                read++;
            }
        }
        GC.KeepAlive(checksum);
        return read / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Touches every event's body, as a real read model would, and signals when it has seen them all.</summary>
    private sealed class CountingSubscription : EventSubscription
    {
        private readonly int _expected;
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _seen;
        private long _checksum;

        public CountingSubscription(int expected)
        {
            _expected = expected;
            Name = "catch_up";
            BatchSize = CatchUpScenario.BatchSize;
        }

        public Task Done => _done.Task;

        public override Task ProcessEventsAsync(IReadOnlyList<IEvent> events, SubscriptionContext context)
        {
            foreach (var e in events)
                _checksum += ((SeatAdded)e.Data).DailyLimit + e.Version;
            if ((_seen += events.Count) >= _expected)
                _done.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
