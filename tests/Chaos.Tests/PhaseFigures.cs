using System.Globalization;
using Outreach.Chaos.Bench;

namespace Outreach.Chaos.Tests;

/// <summary>One phase's figures as a line a CI log can show, and the rules of a clean phase it breaks.</summary>
internal static class PhaseFigures
{
    // Invariant culture throughout: the projects run with InvariantGlobalization.
    public static string Describe(FaultResult f) =>
        $"{f.Fault} ({f.What}{(f.Note.Length > 0 ? "; " + f.Note : "")}): {f.CommandRate:0} commands/s + {f.ReadRate:0} reads/s for {f.LoadSeconds} s; "
        + $"accepted {f.Accepted} of {f.Commands} commands; deliveries observed {f.DeliveriesObserved} of {f.DeliveriesOwed} owed ({f.DeliveriesLost} lost"
        + $"{(f.LostByConsumer.Count > 0 ? ": " + string.Join(", ", f.LostByConsumer.Select(l => $"{l.Key} {l.Value}")) : "")}); "
        + $"state gaps {f.StateGaps}; duplicated {f.Duplicated}; "
        + $"recovery {S(f.RecoverySeconds)} s (healthy {S(f.HealthyAfter)} / answers normal {S(f.AnswersNormalAfter)} / caught up {S(f.CaughtUpAfter)}), bound {CiChaos.RecoveryBoundSeconds:0} s; "
        + $"answers by status (0 = client timeout, -1 = refused) {string.Join(", ", f.Statuses.Select(s => $"{s.Key}: {s.Value}"))}; "
        + $"5xx but 503: {f.Flagged500s}; non-2xx not problem+json: {f.FlaggedNotProblem}; "
        + $"hangs: {f.FlaggedHangs}{(f.HangsByRoute.Count > 0 ? " (" + string.Join(", ", f.HangsByRoute.Select(h => $"{h.Key}: {h.Value}")) + ")" : "")}; "
        + $"longest request {f.LongestMs / 1000:0.0} s ({f.LongestRoute})"
        + $"{(f.Backlog is { } backlog ? $"; backlog {backlog}" : "")}"
        + $"{(f.HarnessErrors > 0 ? $"; {f.HarnessErrors} workload operation(s) threw" : "")}"
        + string.Concat(f.Examples.Concat(f.ErrorSamples).Select(e => "\n  " + e));

    /// <summary>What a user would notice: every broken rule, in words; empty when the phase was clean.</summary>
    public static List<string> Broken(FaultResult f)
    {
        var broken = new List<string>();
        // Zero lost out of nothing proves nothing: the phase must have carried load and owed deliveries.
        if (f.Accepted == 0 || f.DeliveriesOwed == 0)
            broken.Add("the phase carried no load (no command accepted or no delivery owed)");
        if (f.DeliveriesLost != 0)
            broken.Add($"{f.DeliveriesLost} deliveries lost");
        if (f.StateGaps != 0)
            broken.Add($"{f.StateGaps} state gaps");
        if (f.Duplicated != 0)
            broken.Add($"{f.Duplicated} duplicated effects");
        if (f.Flagged500s != 0)
            broken.Add($"{f.Flagged500s} 5xx answers other than 503");
        if (f.FlaggedNotProblem != 0)
            broken.Add($"{f.FlaggedNotProblem} non-2xx answers without a problem+json body");
        if (f.FlaggedHangs != 0)
            broken.Add($"{f.FlaggedHangs} requests answered later than the documented 10 s (+1 s) or not at all");
        if (double.IsNaN(f.RecoverySeconds))
            broken.Add("never recovered within the suite's patience");
        else if (f.RecoverySeconds > CiChaos.RecoveryBoundSeconds)
            broken.Add($"recovered in {f.RecoverySeconds:0.0} s, over the {CiChaos.RecoveryBoundSeconds:0} s bound");
        return broken;
    }

    private static string S(double v) => double.IsNaN(v) ? "never" : v.ToString("0.0", CultureInfo.InvariantCulture);
}
