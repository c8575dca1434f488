using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Dashboard;
using Outreach.Dashboard.Bench;
using Outreach.Dashboard.Otlp;
using Outreach.Dashboard.Otlp.Proto.Collector.Trace.V1;
using Outreach.Dashboard.Telemetry.Store;

// dotnet run -c Release --project bench/Dashboard.Bench [-- --seconds 10] [--senders 4] [--batch 512] [--gets 200]
var seconds = Argument("--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : 10;
var senders = Argument("--senders") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : 4;
var batch = Argument("--batch") is { } b ? int.Parse(b, CultureInfo.InvariantCulture) : 512;
var gets = Argument("--gets") is { } g ? int.Parse(g, CultureInfo.InvariantCulture) : 200;
var duration = TimeSpan.FromSeconds(seconds);
var warmUp = TimeSpan.FromSeconds(1);
const double SpansGoal = 20_000;
const string Service = "seat-service";

Console.WriteLine($"load average before: {LoadAverage()}; {Environment.ProcessorCount} cores");
var limits = new TelemetryLimits();
var figures = new List<Figure>();
var notes = new List<string>();

// (b) Memory at the limits, in stores of their own, before anything else is allocated.
Console.WriteLine("Filling stores to their limits for the memory figures…");
var memory = MemoryScenario.Run(limits, [1, 5]);
foreach (var m in memory)
{
    Console.WriteLine($"  {m.Resources} resource(s) full: GC heap {m.HeapMiB:0.0} MiB (+{m.HeapDeltaMiB:0.0}), RSS {m.RssMiB:0} MiB (+{m.RssDeltaMiB:0}); {m.Spans:#,0} spans, {m.Logs:#,0} logs, {m.Points:#,0} points");
}

// Decoding alone, one thread: what the receiver's CPU work costs without HTTP.
var payloads = new SpanPayloads(Service, batch);
notes.Add($"each request: {payloads.SpanCount} spans ({payloads.SpanCount / SpanPayloads.SpansPerTrace} traces of {SpanPayloads.SpansPerTrace}, 8 attributes each), {payloads.Bytes / 1024.0:0} KiB of protobuf");
var decodeOnly = SingleThread(duration / 2, () => ExportTraceServiceRequest.Parser.ParseFrom(payloads.Next()));
var scratch = new TelemetryRepository(limits);
FillData.Fill(scratch, Service);
var decodeAndStore = SingleThread(duration / 2, () => OtlpTraces.Ingest(scratch, ExportTraceServiceRequest.Parser.ParseFrom(payloads.Next())));
scratch = null;
Console.WriteLine($"  one thread: decode {decodeOnly * payloads.SpanCount:#,0} spans/s; decode + store (full) {decodeAndStore * payloads.SpanCount:#,0} spans/s");

// The dashboard, standalone, its store full; the bare endpoint beside it in the same process.
var options = new DashboardOptions { BrowserToken = "bench-" + Guid.NewGuid().ToString("N") };
await using var dashboard = DashboardWebApplication.Build(options, new NoResources());
await dashboard.StartAsync();
var repository = dashboard.Services.GetRequiredService<TelemetryRepository>();
FillData.Fill(repository, Service);
await using var bare = await BareEndpoint.StartAsync();
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
client.DefaultRequestHeaders.Add("x-dashboard-token", options.BrowserToken);
var dashboardUri = dashboard.BoundAddress();
var bareUri = bare.BoundAddress();
Console.WriteLine($"dashboard at {dashboardUri} holding {repository.TraceCount(Service):#,0} traces, {repository.LogCount(Service):#,0} logs, {repository.MetricPointCount(Service):#,0} points");

// (a) Ingestion with the store full, beside the HTTP ceiling.
await IngestScenario.RunAsync(client, new Uri(bareUri, "v1/traces"), payloads, senders, warmUp);
var ceiling = await IngestScenario.RunAsync(client, new Uri(bareUri, "v1/traces"), payloads, senders, duration);
await IngestScenario.RunAsync(client, new Uri(dashboardUri, "v1/traces"), payloads, senders, warmUp);
var gcBefore = GC.CollectionCount(2);
var ingest = await IngestScenario.RunAsync(client, new Uri(dashboardUri, "v1/traces"), payloads, senders, duration);
var gen2 = GC.CollectionCount(2) - gcBefore;
Console.WriteLine($"  ingest: {ingest.SpansPerSecond:#,0} spans/s ({ingest.RequestsPerSecond:0} requests/s, p99 {Load.Percentile(ingest.SortedMs, 99):0.0} ms, {ingest.Failures} failed); bare endpoint {ceiling.SpansPerSecond:#,0} spans/s");
if (ingest.Failures > 0 || repository.TraceCount(Service) != limits.MaxTraceCount)
{
    throw new InvalidOperationException($"{ingest.Failures} requests failed, or the store left its limit ({repository.TraceCount(Service)} traces).");
}

figures.Add(new Figure($"spans ingested/s, store full, {senders} senders × {payloads.SpanCount}", ingest.SpansPerSecond, ceiling.SpansPerSecond, "spans/s", $"≥ {SpansGoal:#,0} spans/s", ingest.SpansPerSecond >= SpansGoal));
figures.Add(new Figure("export request p50", Load.Percentile(ingest.SortedMs, 50), Load.Percentile(ceiling.SortedMs, 50), "ms", "", true, LowerIsBetter: true));
figures.Add(new Figure("export request p99", Load.Percentile(ingest.SortedMs, 99), Load.Percentile(ceiling.SortedMs, 99), "ms", "", true, LowerIsBetter: true));
notes.Add($"ingestion: {gen2} gen-2 collections during the timed run; one thread decoding alone {decodeOnly * payloads.SpanCount:#,0} spans/s, decoding and storing into a full store {decodeAndStore * payloads.SpanCount:#,0} spans/s");

// (c) Page render time with 10,000 traces stored, quiet and then while ingestion continues.
var ping = await RenderScenario.RunAsync(client, new Uri(bareUri, "ping"), gets);
var pages = new[] { ("/traces", new Uri(dashboardUri, "traces")), ("/structuredlogs", new Uri(dashboardUri, "structuredlogs")) };
foreach (var (name, uri) in pages)
{
    await RenderScenario.RunAsync(client, uri, 10);
    var quiet = await RenderScenario.RunAsync(client, uri, gets);
    figures.Add(new Figure($"{name} p50, {repository.TraceCount(Service):#,0} traces stored", Load.Percentile(quiet.SortedMs, 50), Load.Percentile(ping.SortedMs, 50), "ms", "", true, LowerIsBetter: true));
    figures.Add(new Figure($"{name} p99, {repository.TraceCount(Service):#,0} traces stored", Load.Percentile(quiet.SortedMs, 99), Load.Percentile(ping.SortedMs, 99), "ms", "", true, LowerIsBetter: true));
    notes.Add($"{name}: {quiet.Bytes / 1024.0:0} KiB per page");
}

using (var stop = new CancellationTokenSource())
{
    var background = IngestScenario.RunAsync(client, new Uri(dashboardUri, "v1/traces"), payloads, senders, TimeSpan.FromHours(1), stop.Token);
    await Task.Delay(warmUp);
    var pingBusy = await RenderScenario.RunAsync(client, new Uri(bareUri, "ping"), gets);
    foreach (var (name, uri) in pages)
    {
        var busy = await RenderScenario.RunAsync(client, uri, gets);
        figures.Add(new Figure($"{name} p50, while ingesting", Load.Percentile(busy.SortedMs, 50), Load.Percentile(pingBusy.SortedMs, 50), "ms", "", true, LowerIsBetter: true));
        figures.Add(new Figure($"{name} p99, while ingesting", Load.Percentile(busy.SortedMs, 99), Load.Percentile(pingBusy.SortedMs, 99), "ms", "", true, LowerIsBetter: true));
    }

    await stop.CancelAsync();
    var during = await background;
    notes.Add($"while the pages were read, {senders} senders kept ingesting at {during.SpansPerSecond:#,0} spans/s");
}

Console.WriteLine();
Console.WriteLine(Report.Table(figures, "dashboard", "bare HTTP"));
Console.WriteLine("| memory at the limits | GC heap after full GC | RSS | spans | logs | metric points |");
Console.WriteLine("|---|--:|--:|--:|--:|--:|");
foreach (var m in memory)
{
    Console.WriteLine($"| {m.Resources} resource{(m.Resources == 1 ? "" : "s")} | {m.HeapDeltaMiB:0.0} MiB | +{m.RssDeltaMiB:0} MiB (process {m.RssMiB:0} MiB) | {m.Spans:#,0} | {m.Logs:#,0} | {m.Points:#,0} |");
}

Console.WriteLine();
foreach (var note in notes)
{
    Console.WriteLine("- " + note);
}

Console.WriteLine($"load average after: {LoadAverage()}");
return figures.All(f => f.Met) ? 0 : 1;

static double SingleThread(TimeSpan duration, Action operation)
{
    for (var i = 0; i < 20; i++)
    {
        operation();
    }

    var clock = Stopwatch.StartNew();
    var count = 0;
    while (clock.Elapsed < duration)
    {
        operation();
        count++;
    }

    return count / clock.Elapsed.TotalSeconds;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
