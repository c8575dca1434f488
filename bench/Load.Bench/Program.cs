using Outreach.Load.Bench;

// The load harness: the whole system through the AppHost's testing entry, a realistic mixed workload over 100
// accounts and 10,000 seats, cross-service propagation, /proc and subscription-lag sampling, and baselines measured
// in the same run. See BENCHMARKS.md ("Load harness").
//
// dotnet run -c Release --project bench/Load.Bench -- [--seconds 300] [--rate 300] [--read-rate 300]
//   [--accounts 100] [--seats 10000] [--active-per-account 30] [--senders-per-account 4] [--replicas 1]
//   [--clients 16] [--saturation-seconds 10] [--skip-saturation] [--soak-seconds 0] [--setup-parallel 8]
//   [--json load-results.json]
var options = LoadOptions.Parse(args);
var loadBefore = Machine.LoadAverage();
Console.WriteLine($"load average (1/5/15 min) before: {loadBefore}; {Environment.ProcessorCount} cores");
Console.WriteLine($"Starting the system through the AppHost's testing entry ({options.Replicas} replica(s) of each service)…");
await using var system = await LoadSystem.StartAsync(options.Replicas);
Console.WriteLine("System healthy. Sampling idle processes for 10 s…");
var idleAtStart = await Machine.SampleIdleAsync(system, TimeSpan.FromSeconds(10));

Console.WriteLine($"1. Setup: {options.Accounts} accounts, {options.Seats:N0} seats, {options.ActivePerAccount} active and {options.SendersPerAccount} senders per account…");
var tenants = await Setup.PopulateAsync(system, options);
var propagation = await Propagation.PrepareAsync(system, suspendSeats: 6, sendingSeats: 24);

List<SaturationResult> saturation = [];
List<RouteResult> baselines = [];
if (!options.SkipSaturation)
{
    Console.WriteLine($"2. Each route alone at {options.Clients} clients for {options.SaturationSeconds} s, beside the baselines at the same concurrency…");
    var run = new Saturation(system, tenants, options);
    saturation = await run.RunAsync();
    baselines = run.BaselineResults;
}

Console.WriteLine($"3. Mixed: {options.CommandRate:0} commands/s and {options.ReadRate:0} reads/s for {options.MixedSeconds} s, with the propagation probes…");
var mixed = await Mixed.RunAsync(system, tenants, propagation, options, options.MixedSeconds, "mixed", options.KillAt);
MixedResult? soak = null;
if (options.SoakSeconds > 0)
{
    Console.WriteLine($"4. Soak: the same mix for {options.SoakSeconds} s, watching RSS and subscription lag…");
    soak = await Mixed.RunAsync(system, tenants, propagation.Restart(), options, options.SoakSeconds, "soak");
}

Console.WriteLine("Load over; letting the system settle for 15 s, then sampling idle processes for 10 s…");
await Task.Delay(TimeSpan.FromSeconds(15));
var idleAfter = await Machine.SampleIdleAsync(system, TimeSpan.FromSeconds(10));
Console.WriteLine("Checking that the services agree, seat by seat (gaps: lost effects; double counts: duplicates)…");
var consistency = await Consistency.CheckAsync(system);
var serviceErrors = ServiceErrors.Collect(system);

var report = new LoadReport(options, Environment.ProcessorCount, loadBefore, Machine.LoadAverage(), baselines, saturation, mixed, soak, idleAtStart, idleAfter, consistency, serviceErrors);
report.Print();
await report.WriteJsonAsync(options.JsonPath);
Console.WriteLine($"The same figures as JSON: {Path.GetFullPath(options.JsonPath)}");
return report.AllMet ? 0 : 1;
