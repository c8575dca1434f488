using System.Globalization;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.EventStore.Bench;

// dotnet run -c Release --project bench/EventStore.Bench [-- --seconds 8] [--postgres "Host=…;Database=postgres" --rabbitmq amqp://…]
var seconds = Argument("--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : 8;
var duration = TimeSpan.FromSeconds(seconds);
const int CatchUpEvents = 300_000;

var loadBefore = LoadAverage();
Console.WriteLine("Starting PostgreSQL and RabbitMQ…");
await using var infrastructure = await Infrastructure.StartAsync(Argument("--postgres"), Argument("--rabbitmq"));
Console.WriteLine($"Servers: {infrastructure.Description}. Each throughput figure: 1 s warm-up, then {seconds:0} s.");

var figures = new List<Figure>();
var notes = new List<string>();

// Appends: store and raw on one database, the same pool settings (auto-prepare on for both).
var appendsDb = await infrastructure.CreateDatabaseAsync($"bench_appends_{DateTime.UtcNow:yyyyMMddHHmmss}");
await using (var store = DocumentStore.For(o => o.Connection(appendsDb)))
await using (var raw = Pool(appendsDb))
{
    await store.Advanced.ApplyMigrationsAsync();
    await AppendScenarios.CreateRawTableAsync(raw);
    var appends = new AppendScenarios(store, raw, duration);
    foreach (var writers in new[] { 1, 8, 32 })
    {
        var rawRate = await appends.RawSingleAsync(writers);
        var storeRate = await appends.StoreSingleAsync(writers);
        var autocommit = await appends.RawSingleAutocommitAsync(writers);
        var goal = writers == 8 ? "≥ 0.80× raw" : "";
        figures.Add(new Figure($"single-event appends, {writers} writer{(writers == 1 ? "" : "s")}", storeRate, rawRate, "events/s",
            goal, writers != 8 || storeRate >= 0.8 * rawRate));
        notes.Add($"raw single INSERT without BEGIN/COMMIT, {writers} writers: {autocommit:#,0} rows/s");
        Console.WriteLine($"  single, {writers} writers: store {storeRate:#,0}/s, raw {rawRate:#,0}/s");
    }

    var rawBatch = await appends.RawBatchAsync(8, 100);
    var storeBatch = await appends.StoreBatchAsync(8, 100);
    figures.Add(new Figure("100-event batches, 8 writers", storeBatch, rawBatch, "events/s", "≥ 60,000 events/s", storeBatch >= 60_000));
    Console.WriteLine($"  batches: store {storeBatch:#,0}/s, raw {rawBatch:#,0}/s");
}

// Catch-up: a log of 300,000 events read by a subscription starting from zero.
var catchUpDb = await infrastructure.CreateDatabaseAsync($"bench_catchup_{DateTime.UtcNow:yyyyMMddHHmmss}");
await using (var store = DocumentStore.For(o => o.Connection(catchUpDb)))
await using (var raw = Pool(catchUpDb))
{
    await CatchUpScenario.FillAsync(store, CatchUpEvents);
    await CatchUpScenario.RawAsync(raw, CatchUpEvents / 5); // warm-up: JIT and the table's pages in cache, as for the subscription
    var rawRead = await CatchUpScenario.RawAsync(raw, CatchUpEvents);
    var catchUp = await CatchUpScenario.SubscriptionAsync(catchUpDb, CatchUpEvents);
    figures.Add(new Figure($"subscription catch-up ({CatchUpEvents:#,0} events)", catchUp, rawRead, "events/s", "≥ 100,000 events/s", catchUp >= 100_000));
    Console.WriteLine($"  catch-up: subscription {catchUp:#,0}/s, raw read {rawRead:#,0}/s");
}

// Commit-to-publish through the relay into RabbitMQ.
var latencyDb = await infrastructure.CreateDatabaseAsync($"bench_latency_{DateTime.UtcNow:yyyyMMddHHmmss}");
var (relayed, direct) = await LatencyScenario.RunAsync(latencyDb, infrastructure.RabbitMqConnectionString, writers: 8,
    pace: TimeSpan.FromMilliseconds(5), duration: duration);
figures.Add(new Figure("commit-to-publish p50", relayed.P50, direct.P50, "ms", "", true, LowerIsBetter: true));
figures.Add(new Figure("commit-to-publish p99", relayed.P99, direct.P99, "ms", "≤ 50 ms", relayed.P99 <= 50, LowerIsBetter: true));
notes.Add($"latency: {relayed.Samples:#,0} relayed events from 8 writers appending one event every 5 ms each; baseline = MassTransit publish-to-confirm of the same message ({direct.Samples:#,0} samples)");

notes.Add($"machine: {Environment.ProcessorCount} cores; load average (1/5/15 min) before {loadBefore}, after {LoadAverage()}");
Console.WriteLine();
Console.WriteLine(Report.Table(figures, "event store", "raw baseline"));
foreach (var note in notes)
    Console.WriteLine("- " + note);
return figures.All(f => f.Met) ? 0 : 1;

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static NpgsqlDataSource Pool(string connectionString) =>
    new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { MaxAutoPrepare = 64 } }.Build();
