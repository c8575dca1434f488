using Outreach.Chaos.Bench;

// Chaos under load (issue 9): the whole system through the AppHost's testing entry, the load harness's mixed workload
// at a modest steady rate, and one fault at a time in the middle of it. Per fault: commands accepted, deliveries of
// their events owed to and observed in every consumer (inbox rows), lost and duplicated effects, recovery time,
// answers by status, the longest request, and anything a client should never see (a 500, a body that is not
// problem+json, a hang). See RELIABILITY.md ("Chaos under load"). tests/Chaos.Tests runs the same at CI size.
//
// dotnet run -c Release --project bench/Chaos.Bench -- [--fault all|broker|services|postgres|sandbox|stopped-consumer]
//   [--rate 30] [--read-rate 15] [--seconds-per-fault 50] [--warm-seconds 10] [--sandbox-fault-seconds 60]
//   [--stopped-seconds 20] [--accounts 10] [--seats 400] [--json chaos-results.json]
var options = ChaosOptions.Parse(args);
var report = await ChaosRun.RunAsync(options, Faults.Select(options));
report.Print();
await report.WriteJsonAsync(options.JsonPath);
Console.WriteLine($"The same figures as JSON: {Path.GetFullPath(options.JsonPath)}");
return report.Clean ? 0 : 1;
