using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Outreach.SeatService.Bench;

// dotnet run -c Release --project bench/SeatService.Bench [-- --seconds 10] [--seats 10000] [--clients 16]
var seconds = Argument("--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : 10;
var seats = Argument("--seats") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 10_000;
var clients = Argument("--clients") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : 16;
var duration = TimeSpan.FromSeconds(seconds);
const int ConcurrentReaders = 4;
const double UserListP99GoalMs = 20;

var loadBefore = LoadAverage();
Console.WriteLine("Starting the system through the AppHost's testing entry (PostgreSQL, RabbitMQ, the three services)…");
await using var system = await SeatServiceSystem.StartAsync();
Console.WriteLine($"seat-service healthy. Each figure: {Load.WarmUp.TotalSeconds:0} s warm-up, then {seconds:0} s.");

var figures = new List<Figure>();
var notes = new List<string>();

// 1. add throughput: the service under `clients` HTTP clients beside BEGIN/INSERT/COMMIT with as many writers.
var rawDb = await system.CreateScratchDatabaseAsync($"bench_seat_raw_{DateTime.UtcNow:yyyyMMddHHmmss}");
await using (var raw = NpgsqlDataSource.Create(rawDb))
{
    await AddScenario.CreateRawTableAsync(raw);
    var rawInserts = await AddScenario.RawAsync(raw, clients, duration);
    Console.WriteLine($"  raw BEGIN/INSERT/COMMIT, {clients} writers: {rawInserts.Rate:#,0} rows/s (p99 {rawInserts.P(99):0.0} ms)");
    var addKey = await system.NewKeyAsync("bench-add");
    var adds = await AddScenario.ServiceAsync(system, addKey, clients, duration);
    Console.WriteLine($"  add, {clients} clients: {adds.Rate:#,0} seats/s (p99 {adds.P(99):0.0} ms)");
    figures.Add(new Figure($"add, {clients} clients", adds.Rate, rawInserts.Rate, "seats/s", "", true));
    foreach (var p in new[] { 50, 95, 99 })
        figures.Add(new Figure($"add p{p}, {clients} clients", adds.P(p), rawInserts.P(p), "ms", "", true, LowerIsBetter: true));
    notes.Add($"add: {adds.Count:#,0} seats added in {seconds:0} s; baseline: {rawInserts.Count:#,0} raw BEGIN/INSERT/COMMIT transactions "
        + $"from {clients} writers in a scratch database on the same server");

    var bare = await AddScenario.BareHttpAsync(system, clients, duration);
    notes.Add($"bare HTTP (GET /alive, no auth, no database), {clients} clients: {bare.Rate:#,0} requests/s, p50 {bare.P(50):0.0} ms, p99 {bare.P(99):0.0} ms");
}

// 2. user-list latency over one key holding `seats` seats, all added through the route.
var listKey = await system.NewKeyAsync("bench-user-list");
var seeding = Stopwatch.StartNew();
await UserListScenario.SeedAsync(system, listKey, seats, clients);
Console.WriteLine($"  seeded {seats:#,0} seats through add in {seeding.Elapsed.TotalSeconds:0.0} s ({seats / seeding.Elapsed.TotalSeconds:#,0}/s)");
using (var probe = system.ClientFor(listKey))
{
    var (users, bytes) = await UserListScenario.InspectAsync(probe);
    if (users != seats)
        throw new InvalidOperationException($"GET /user-list returned {users} users, expected {seats}.");
    notes.Add($"user-list: every GET returns all {users:#,0} seats ({bytes / 1024.0:#,0} KiB of JSON; the route has no pagination)");
}
await using (var seatsDb = NpgsqlDataSource.Create(system.SeatsDb))
{
    var rawRead = await UserListScenario.RawAsync(seatsDb, listKey, 1, duration);
    var list = await UserListScenario.ServiceAsync(system, listKey, 1, duration);
    Console.WriteLine($"  user-list, 1 client: p99 {list.P(99):0.0} ms ({list.Rate:0} requests/s); raw SELECT p99 {rawRead.P(99):0.0} ms");
    foreach (var p in new[] { 50, 95, 99 })
    {
        var goal = p == 99 ? $"≤ {UserListP99GoalMs:0} ms" : "";
        figures.Add(new Figure($"user-list p{p} ({seats:#,0} seats, 1 client)", list.P(p), rawRead.P(p), "ms", goal,
            p != 99 || list.P(p) <= UserListP99GoalMs, LowerIsBetter: true));
    }
    notes.Add($"user-list, 1 client: {list.Count:#,0} GETs ({list.Rate:0.0}/s); baseline: the route's SELECT read with Npgsql in this process, {rawRead.Count:#,0} runs");

    var rawConcurrent = await UserListScenario.RawAsync(seatsDb, listKey, ConcurrentReaders, duration);
    var concurrent = await UserListScenario.ServiceAsync(system, listKey, ConcurrentReaders, duration);
    Console.WriteLine($"  user-list, {ConcurrentReaders} clients: p99 {concurrent.P(99):0.0} ms ({concurrent.Rate:0} requests/s)");
    figures.Add(new Figure($"user-list p50 ({seats:#,0} seats, {ConcurrentReaders} clients)", concurrent.P(50), rawConcurrent.P(50), "ms", "", true, LowerIsBetter: true));
    figures.Add(new Figure($"user-list p99 ({seats:#,0} seats, {ConcurrentReaders} clients)", concurrent.P(99), rawConcurrent.P(99), "ms", "", true, LowerIsBetter: true));
    notes.Add($"user-list, {ConcurrentReaders} clients: {concurrent.Rate:0.0} GETs/s; raw SELECT {rawConcurrent.Rate:0.0}/s");

    // Where the route's time goes (diagnostics, no goal): the server's execution, the serialisation alone.
    var (plan, executionMs) = await UserListScenario.ExplainAsync(seatsDb, listKey);
    var serialise = await UserListScenario.SerialiseAsync(seatsDb, listKey, TimeSpan.FromSeconds(Math.Min(seconds, 3)));
    notes.Add($"user-list breakdown: PostgreSQL executes the SELECT in {executionMs:0.0} ms (EXPLAIN ANALYZE, plan below); "
        + $"serialising the {seats:#,0}-user response alone (services' JSON conventions, to Stream.Null) p50 {serialise.P(50):0.0} ms, p99 {serialise.P(99):0.0} ms");
    Console.WriteLine("EXPLAIN (ANALYZE, BUFFERS) of the route's SELECT:");
    Console.WriteLine(plan);
}

notes.Add($"machine: {Environment.ProcessorCount} cores shared by the bench, the services, PostgreSQL and RabbitMQ (and any other work running); "
    + $"load average (1/5/15 min) before {loadBefore}, after {LoadAverage()}");
Console.WriteLine();
Console.WriteLine(Report.Table(figures, "seat-service"));
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
