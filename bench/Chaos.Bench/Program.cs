using Outreach.Chaos.Bench;

// Chaos under load (issue 9): the whole system through the AppHost's testing entry, the load harness's mixed workload
// at a modest steady rate, and one fault at a time in the middle of it. Per fault: commands accepted, deliveries of
// their events owed to and observed in every consumer (inbox rows), lost and duplicated effects, recovery time,
// answers by status, the longest request, and anything a client should never see (a 500, a body that is not
// problem+json, a hang). See RELIABILITY.md ("Chaos under load").
//
// dotnet run -c Release --project bench/Chaos.Bench -- [--fault all|broker|services|postgres|sandbox|stopped-consumer]
//   [--rate 30] [--read-rate 15] [--seconds-per-fault 50] [--warm-seconds 10] [--sandbox-fault-seconds 60]
//   [--stopped-seconds 20] [--accounts 10] [--seats 400] [--json chaos-results.json]
var options = ChaosOptions.Parse(args);
var loadBefore = Machine.LoadAverage();
Console.WriteLine($"load average (1/5/15 min) before: {loadBefore}; {Environment.ProcessorCount} cores");
Console.WriteLine("Starting the system through the AppHost's testing entry…");
await using var system = await LoadSystem.StartAsync(replicas: 1);
Console.WriteLine($"Setup: {options.Accounts} accounts, {options.Seats:N0} seats…");
var tenants = await Setup.PopulateAsync(system, options.Load);

var deliveries = new Deliveries(system);
var phase = new FaultPhase(system, tenants, options, deliveries);
var results = new List<FaultResult>();
// The control: the same load with no fault. It teaches the counter which consumers each event type has, and shows
// what the figures are when nothing goes wrong.
await deliveries.LearnConsumersAsync();
results.Add(await phase.RunAsync(null, "none (control)", "no fault", Math.Max(20, options.WarmSeconds + 10)));
foreach (var fault in Faults.Select(options))
    results.Add(await phase.RunAsync(fault, fault.Name, fault.What, fault.LoadSeconds));

var report = new ChaosReport(options, Environment.ProcessorCount, loadBefore, Machine.LoadAverage(), options.Seats, results, ServiceErrors.Collect(system),
    deliveries.ConsumersByType.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value.Order(StringComparer.Ordinal).ToList()));
report.Print();
await report.WriteJsonAsync(options.JsonPath);
Console.WriteLine($"The same figures as JSON: {Path.GetFullPath(options.JsonPath)}");
return report.Clean ? 0 : 1;
