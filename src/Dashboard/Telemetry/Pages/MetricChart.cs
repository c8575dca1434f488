using System.Globalization;
using System.Text;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.Telemetry.Pages;

/// <summary>An inline SVG line chart: one line per series over time, axes labelled with the extremes. No script, no assets.</summary>
internal static class MetricChart
{
    private const int Width = 760;
    private const int Height = 220;
    private const int Left = 64;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 28;

    public sealed record Line(string Label, string Color, IReadOnlyList<(long Time, double Value)> Points);

    public static string Color(int index) => string.Create(CultureInfo.InvariantCulture, $"hsl({index * 67 % 360}, 65%, 42%)");

    public static string Render(string title, IReadOnlyList<Line> lines)
    {
        var all = lines.SelectMany(l => l.Points).ToList();
        if (all.Count == 0)
        {
            return $"""<p class="muted">Nothing to chart yet for {E(title)}: it needs two exports of a rate, or one of a value.</p>""";
        }

        var (minTime, maxTime) = (all.Min(p => p.Time), all.Max(p => p.Time));
        var (minValue, maxValue) = (Math.Min(0, all.Min(p => p.Value)), all.Max(p => p.Value));
        var timeSpan = Math.Max(1, maxTime - minTime);
        var valueSpan = maxValue - minValue is > 0 and var span ? span : 1;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg class="chart" role="img" aria-label="{E(title)}" viewBox="0 0 {Width} {Height}" width="100%" preserveAspectRatio="xMinYMin meet"><title>{E(title)}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{Top}" x2="{Left}" y2="{Top + plotHeight}" stroke="#9ca3af"/><line x1="{Left}" y1="{Top + plotHeight}" x2="{Width - Right}" y2="{Top + plotHeight}" stroke="#9ca3af"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 4}" y="{Top + 10}" text-anchor="end" font-size="11">{Number(maxValue)}</text><text x="{Left - 4}" y="{Top + plotHeight}" text-anchor="end" font-size="11">{Number(minValue)}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left}" y="{Height - 8}" font-size="11">{E(Clock(minTime))}</text><text x="{Width - Right}" y="{Height - 8}" text-anchor="end" font-size="11">{E(Clock(maxTime))}</text>""");
        foreach (var line in lines.Where(l => l.Points.Count > 0))
        {
            var coordinates = string.Join(' ', line.Points.Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{Left + (plotWidth * (double)(p.Time - minTime) / timeSpan):0.#},{Top + plotHeight - (plotHeight * (p.Value - minValue) / valueSpan):0.#}")));
            svg.Append(line.Points.Count == 1
                ? $"""<circle cx="{coordinates.Split(',')[0]}" cy="{coordinates.Split(',')[1]}" r="3" fill="{line.Color}"><title>{E(line.Label)}</title></circle>"""
                : $"""<polyline fill="none" stroke="{line.Color}" stroke-width="2" points="{coordinates}"><title>{E(line.Label)}</title></polyline>""");
        }

        svg.Append("</svg>");
        var legend = string.Concat(lines.Select(l => $"""<li><span class="swatch" style="background:{l.Color}" aria-hidden="true"></span>{E(l.Label)}</li>"""));
        return svg + $"""<ul class="legend" aria-label="Series">{legend}</ul>""";
    }

    public static string Number(double value) => Math.Abs(value) switch
    {
        >= 1e6 => value.ToString("0.##e0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("#,0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string Clock(long unixNanos) =>
        Model.UnixNanos.ToDateTimeOffset(unixNanos).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
