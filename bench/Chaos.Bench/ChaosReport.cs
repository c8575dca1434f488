using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Outreach.Chaos.Bench;

/// <summary>The suite's figures: one row per fault, as a Markdown table, and the same as JSON.</summary>
internal sealed record ChaosReport(ChaosOptions Options, int Cores, string LoadBefore, string LoadAfter, int Seats, List<FaultResult> Faults, List<ServiceErrorResult> ServiceErrors,
    Dictionary<string, List<string>> ConsumersByType)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public bool Clean => Faults.All(f => f.Clean);

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Chaos under load: {Options.CommandRate:0} commands/s + {Options.ReadRate:0} reads/s over {Options.Accounts} accounts and {Seats:N0} seats; "
            + $"{Cores} cores; load average before {LoadBefore}, after {LoadAfter}");
        Console.WriteLine();
        Console.WriteLine(Table(["fault", "load s", "commands", "accepted", "deliveries owed", "observed", "lost", "state gaps", "duplicated", "recovery s (healthy / answers / caught up)", "clean"],
            Faults.Select(f => new[]
            {
                f.Fault, Int(f.LoadSeconds), Int(f.Commands), Int(f.Accepted), Int(f.DeliveriesOwed), Int(f.DeliveriesObserved), Int(f.DeliveriesLost),
                Int(f.StateGaps), Int(f.Duplicated), $"{S(f.RecoverySeconds)} ({S(f.HealthyAfter)} / {S(f.AnswersNormalAfter)} / {S(f.CaughtUpAfter)})", f.Clean ? "yes" : "NO",
            })));
        Console.WriteLine(Table(["fault", "answers by status (0 = client timeout, -1 = refused connection)", "longest request", "5xx but 503", "not problem+json", "hangs (> 11 s)", "backlog"],
            Faults.Select(f => new[]
            {
                f.Fault, string.Join(", ", f.Statuses.Select(s => $"{s.Key}: {s.Value}")), $"{f.LongestMs / 1000:0.0} s ({f.LongestRoute})",
                Int(f.Flagged500s), Int(f.FlaggedNotProblem), Int(f.FlaggedHangs), f.Backlog is { } b ? Int(b) : "",
            })));
        foreach (var fault in Faults.Where(f => f.Examples.Count > 0 || f.ErrorSamples.Count > 0 || f.LostByConsumer.Count > 0 || f.HarnessErrors > 0 || f.HangsByRoute.Count > 0))
        {
            Console.WriteLine($"{fault.Fault}:");
            if (fault.HangsByRoute.Count > 0)
                Console.WriteLine($"  hangs by route: {string.Join(", ", fault.HangsByRoute.Select(h => $"{h.Key}: {h.Value}"))}");
            foreach (var (consumer, lost) in fault.LostByConsumer)
                Console.WriteLine($"  not handled by {consumer}: {lost}");
            foreach (var example in fault.Examples.Concat(fault.ErrorSamples))
                Console.WriteLine($"  {(example.Length > 300 ? example[..300] + "…" : example)}");
            if (fault.HarnessErrors > 0)
                Console.WriteLine($"  {fault.HarnessErrors} workload operation(s) threw (not counted as answers)");
        }
        foreach (var errors in ServiceErrors)
            Console.WriteLine($"{errors.Instance} logged {errors.Count} error(s): {string.Join(" | ", errors.Top)}");
    }

    public Task WriteJsonAsync(string path) => File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json));

    private static string Table(string[] header, IEnumerable<string[]> body) => LoadReport.Table(header, body);

    private static string Int(long v) => v.ToString("#,0", CultureInfo.InvariantCulture);
    private static string S(double v) => double.IsNaN(v) ? "never" : v.ToString("0.0", CultureInfo.InvariantCulture);
}
