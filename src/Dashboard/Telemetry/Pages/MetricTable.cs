using Outreach.Dashboard.Pages;
using Outreach.Dashboard.Telemetry.Model;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.Telemetry.Pages;

/// <summary>
/// The table view: the latest point of every dimension set. Histograms show count, count per second (the request rate
/// of a request-duration histogram), sum and estimated percentiles.
/// </summary>
internal static class MetricTable
{
    public static string Render(InstrumentInfo info, IReadOnlyList<MetricSeriesSnapshot> series)
    {
        var keys = series.SelectMany(s => s.Dimensions.Select(d => d.Key)).Distinct().Order(StringComparer.Ordinal).ToList();
        var isHistogram = info.Kind is InstrumentKind.Histogram or InstrumentKind.ExponentialHistogram;
        string[] values = isHistogram
            ? ["Count", "Per second", "Sum", "p50", "p95", "p99"]
            : info.Kind == InstrumentKind.Summary ? ["Count", "Sum"] : info.IsMonotonic ? ["Value", "Per second"] : ["Value"];
        var rows = series.Select(s =>
        {
            var latest = s.Latest!;
            var dimensionCells = string.Concat(keys.Select(k => $"<td>{E(AttributePair.Find(s.Dimensions, k))}</td>"));
            var valueCells = isHistogram
                ? Cells(latest.Count, MetricValues.CountRate(info, latest, s.Points.Length > 1 ? s.Points[^2] : null), latest.Sum, HistogramMath.Percentile(latest, 0.50), HistogramMath.Percentile(latest, 0.95), HistogramMath.Percentile(latest, 0.99))
                : info.Kind == InstrumentKind.Summary ? Cells(latest.Count, latest.Sum)
                : info.IsMonotonic ? Cells(latest.Value, MetricValues.Rate(info, latest, s.Points.Length > 1 ? s.Points[^2] : null)) : Cells(latest.Value);
            return $"<tr><td>{E(s.InstanceId)}</td>{dimensionCells}{valueCells}<td class=\"mono\">{Time(UnixNanos.ToDateTimeOffset(latest.TimeUnixNano))}</td></tr>";
        });
        var caption = isHistogram && info.IsCumulative
            ? "Latest point per dimension set (a cumulative histogram: since the series started; percentiles estimated from the buckets)"
            : "Latest point per dimension set";
        return DashboardLayout.Table(["Instance", .. keys, .. values, "Time"], rows, caption);
    }

    private static string Cells(params double?[] values) =>
        string.Concat(values.Select(v => $"<td class=\"num\">{(v is { } value ? MetricChart.Number(value) : "")}</td>"));
}
