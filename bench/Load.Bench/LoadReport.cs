using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outreach.Load.Bench;

/// <summary>Everything one run measured, printed as tables (the figures with their goals first) and written as JSON.</summary>
internal sealed record LoadReport(
    LoadOptions Options, int Cores, string LoadBefore, string LoadAfter,
    List<RouteResult> Baselines, List<SaturationResult> Saturation, MixedResult Mixed, MixedResult? Soak,
    List<ProcessResult> IdleAtStart, List<ProcessResult> IdleAfter, ConsistencyResult Consistency, List<ServiceErrorResult> ServiceErrors)
{
    public const double PropagationGoalMs = 100;
    public const double IdleRssGoalMb = 150;
    public const double SoakGrowthAllowed = 1.10;

    [JsonIgnore]
    public List<Figure> Figures => [.. BuildFigures()];

    public bool AllMet => Figures.All(f => f.Met);

    private IEnumerable<Figure> BuildFigures()
    {
        foreach (var s in Saturation)
            yield return new Figure($"{s.Route.Route} alone, {Options.Clients} clients", s.Route.Rate, s.BaselineRate, "req/s",
                $"≥ {Outreach.Load.Bench.Saturation.Goal:0.0}× {(s.Route.Kind == RouteKind.Read ? "bare" : "INSERT")}", s.Met);
        var broker = Baselines.FirstOrDefault(b => b.Route == Outreach.Load.Bench.Baselines.Broker);
        foreach (var (phase, run) in Phases())
        {
            foreach (var p in run.Propagation)
            {
                yield return new Figure($"{phase}: {p.Effect} p50", p.P50, broker?.P50 ?? double.NaN, "ms",
                    "every probe observed", p.Samples > 0 && p.Failures == 0, LowerIsBetter: true);
                yield return new Figure($"{phase}: {p.Effect} p99", p.P99, broker?.P99 ?? double.NaN, "ms", $"≤ {PropagationGoalMs:0} ms",
                    p.Samples > 0 && p.Failures == 0 && p.P99 <= PropagationGoalMs, LowerIsBetter: true);
            }
            yield return new Figure($"{phase}: commands/s sustained ({run.Seconds:0} s)", run.CommandRate, run.CommandRateTarget, "commands/s",
                "the target, 0 errors but 409/429", run.CommandRate >= 0.95 * run.CommandRateTarget && run.UnexpectedErrors == 0);
        }
        foreach (var failover in Mixed.Failovers)
        {
            var slowest = failover.ResumedMs.Values.DefaultIfEmpty(double.NaN).Max();
            yield return new Figure($"kill -9 {failover.Killed}: its subscriptions resumed", slowest / 1000, double.NaN, "s", "≤ 5 s",
                failover.ResumedMs.Count > 0 && failover.ResumedMs.Values.All(ms => ms <= 5000), LowerIsBetter: true);
        }
        yield return new Figure($"effects lost across the services ({Consistency.Seats:N0} seats)", Consistency.Lost, 0, "effects", "0", Consistency.Lost == 0, LowerIsBetter: true);
        yield return new Figure($"effects duplicated ({Consistency.SentInInvitations:N0} sends counted)", Consistency.Duplicated, 0, "effects", "0", Consistency.Duplicated == 0, LowerIsBetter: true);
        foreach (var idle in IdleAfter.Where(p => IsService(p.Resource)))
        {
            var start = IdleAtStart.FirstOrDefault(p => p.Resource == idle.Resource);
            yield return new Figure($"{idle.Resource} idle RSS after the load", idle.RssMb, start?.RssMb ?? double.NaN, "MB", $"≤ {IdleRssGoalMb:0} MB", idle.RssMb <= IdleRssGoalMb, LowerIsBetter: true);
        }
        if (Soak is not null)
        {
            foreach (var p in Soak.Processes.Where(p => IsService(p.Resource)))
                yield return new Figure($"soak: {p.Resource} RSS, last minute vs first", p.LastMinuteRssMb, p.FirstMinuteRssMb, "MB",
                    $"≤ +{(SoakGrowthAllowed - 1) * 100:0} %", p.LastMinuteRssMb <= p.FirstMinuteRssMb * SoakGrowthAllowed, LowerIsBetter: true);
            foreach (var l in Soak.Lag)
                yield return new Figure($"soak: {l.Subscription} lag, last minute vs first", l.LastMinuteAverage, l.FirstMinuteAverage, "events",
                    "no growth", l.LastMinuteAverage <= Math.Max(l.FirstMinuteAverage * SoakGrowthAllowed, 50), LowerIsBetter: true);
        }
    }

    private IEnumerable<(string Phase, MixedResult Run)> Phases()
    {
        yield return ("mixed", Mixed);
        if (Soak is not null)
            yield return ("soak", Soak);
    }

    private static bool IsService(string resource) => resource.Contains("-service", StringComparison.Ordinal);

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine(Report.Table(Figures, "measured", "baseline"));
        if (Baselines.Count > 0)
        {
            Console.WriteLine($"Baselines at {Options.Clients} clients, {Options.SaturationSeconds} s each:");
            Console.WriteLine(RouteTable(Baselines));
        }
        if (Saturation.Count > 0)
        {
            Console.WriteLine($"Each route alone at {Options.Clients} clients:");
            Console.WriteLine(RouteTable([.. Saturation.Select(s => s.Route)]));
        }
        foreach (var (phase, run) in Phases())
        {
            Console.WriteLine($"{phase}: {run.CommandRate:0.0} commands/s (target {run.CommandRateTarget:0}), {run.ReadRate:0.0} reads/s (target {run.ReadRateTarget:0}) over {run.Seconds:0} s; "
                + $"held back by the in-flight cap: {run.HeldBack}; errors other than 409/429: {run.UnexpectedErrors}");
            Console.WriteLine(RouteTable(run.Routes));
            foreach (var route in run.Routes.Where(r => r.ErrorSamples.Count > 0))
                Console.WriteLine($"   {route.Route} unexpected answers, first {route.ErrorSamples.Count}: {string.Join(" | ", route.ErrorSamples)}");
            foreach (var failover in run.Failovers)
                Console.WriteLine($"   killed {failover.Killed} at {failover.AtSeconds:0} s; subscriptions moving again after: "
                    + string.Join(", ", failover.ResumedMs.Select(r => $"{r.Key} {r.Value:0} ms")));
            foreach (var p in run.Propagation.Where(p => p.Failures > 0))
                Console.WriteLine($"   {p.Effect}: {p.Failures} probes failed: {string.Join(" | ", p.FailureNotes)}");
            Console.WriteLine(Table(["propagation", "samples", "p50", "p99", "max", "failures"],
                run.Propagation.Select(p => new[] { p.Effect, Int(p.Samples), Ms(p.P50), Ms(p.P99), Ms(p.Max), Int(p.Failures) })));
            Console.WriteLine(Table(["process (tree)", "peak RSS", "peak tree PSS", "CPU avg", "CPU peak", "RSS 1st min", "RSS last min"],
                run.Processes.Select(p => new[] { p.Resource, Mb(p.PeakRssMb), Mb(p.PeakTreePssMb), CoresOf(p.AverageCpu), CoresOf(p.PeakCpu), Mb(p.FirstMinuteRssMb), Mb(p.LastMinuteRssMb) })));
            Console.WriteLine(Table(["subscription", "peak lag", "avg 1st min", "avg last min", "at the end"],
                run.Lag.Select(l => new[] { l.Subscription, Int(l.Peak), l.FirstMinuteAverage.ToString("0.0", CultureInfo.InvariantCulture), l.LastMinuteAverage.ToString("0.0", CultureInfo.InvariantCulture), Int(l.Final) })));
        }
        Console.WriteLine(Table(["idle process", "RSS at start", "RSS after the load", "tree PSS after"],
            IdleAfter.Select(p => new[] { p.Resource, Mb(IdleAtStart.FirstOrDefault(s => s.Resource == p.Resource)?.RssMb ?? double.NaN), Mb(p.RssMb), Mb(p.PeakTreePssMb) })));
        Console.WriteLine($"consistency: {Consistency.Seats:N0} seats compared; invitation-service status gaps {Consistency.StatusGapsInInvitations}, "
            + $"identity-service suspension gaps {Consistency.StatusGapsInIdentities}, identity key gaps {Consistency.KeyGapsInIdentities}; "
            + $"{Consistency.SentInInvitations:N0} sends on {Consistency.SentSeats:N0} seats in invitation-service against {Consistency.CountedInSeats:N0} in seat-service's daily_sent_count "
            + $"(seats under: {Consistency.SeatsUndercounted}, over: {Consistency.SeatsOvercounted})");
        foreach (var example in Consistency.Examples)
            Console.WriteLine("   " + example);
        foreach (var errors in ServiceErrors)
            Console.WriteLine($"{errors.Instance} logged {errors.Count} errors; most often: {string.Join(" | ", errors.Top)}");
        Console.WriteLine($"machine: {Cores} cores shared by the harness, the services, PostgreSQL, RabbitMQ and the sandbox; load average before {LoadBefore}, after {LoadAfter}");
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task WriteJsonAsync(string path)
    {
        var document = new { report = this, figures = Figures.Select(f => new { f.Name, f.Value, f.Baseline, f.Ratio, f.Unit, f.Goal, f.Met }) };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json));
    }

    private static string RouteTable(IReadOnlyList<RouteResult> routes) =>
        Table(["route", "kind", "requests", "req/s", "p50", "p95", "p99", "errors by status"],
            routes.Select(r => new[] { r.Route, r.Kind.ToString(), Int(r.Requests), r.Rate.ToString("#,0.0", CultureInfo.InvariantCulture), Ms(r.P50), Ms(r.P95), Ms(r.P99),
                r.Errors.Count == 0 ? "none" : string.Join(", ", r.Errors.Select(e => $"{e.Key}: {e.Value}")) }));

    /// <summary>A Markdown table with padded columns; the chaos suite's report uses it too.</summary>
    internal static string Table(string[] header, IEnumerable<string[]> body)
    {
        var rows = body.ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))) + " |");
        text.AppendLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in rows)
            text.AppendLine("| " + string.Join(" | ", row.Select((c, i) => c.PadRight(widths[i]))) + " |");
        return text.ToString();
    }

    private static string Ms(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
    private static string Mb(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.0", CultureInfo.InvariantCulture) + " MB";
    private static string CoresOf(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
    private static string Int(int v) => v.ToString("#,0", CultureInfo.InvariantCulture);
    private static string Int(long v) => v.ToString("#,0", CultureInfo.InvariantCulture);
}
