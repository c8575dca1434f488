using System.Globalization;
using System.Text;

namespace Outreach.Bench;

/// <summary>One measured figure beside its baseline measured in the same run. Shared by every bench (linked in).</summary>
internal sealed record Figure(string Name, double Value, double Baseline, string Unit, string Goal, bool Met, bool LowerIsBetter = false)
{
    public double Ratio => Value / Baseline;
}

internal static class Report
{
    /// <summary>The figures as a Markdown table, the measured column named after <paramref name="subject"/>.</summary>
    public static string Table(IReadOnlyList<Figure> figures, string subject, string baselineName = "baseline")
    {
        var rows = figures.Select(f => new[]
        {
            f.Name,
            Format(f.Value, f.Unit),
            Format(f.Baseline, f.Unit),
            f.Ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×",
            f.Goal,
            f.Met ? "met" : "MISSED",
        }).ToList();
        string[] header = ["figure", subject, baselineName, "ratio", "goal", ""];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))) + " |");
        text.AppendLine("|" + string.Join("|", widths.Select((w, i) => i is 1 or 2 or 3 ? new string('-', w + 1) + ":" : new string('-', w + 2))) + "|");
        foreach (var row in rows)
            text.AppendLine("| " + string.Join(" | ", row.Select((c, i) => i is 1 or 2 or 3 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))) + " |");
        return text.ToString();
    }

    private static string Format(double value, string unit) =>
        unit == "ms"
            ? value.ToString("0.0", CultureInfo.InvariantCulture) + " ms"
            : value.ToString("#,0", CultureInfo.InvariantCulture) + " " + unit;
}
