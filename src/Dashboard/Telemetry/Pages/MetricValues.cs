using Outreach.Dashboard.Telemetry.Model;

namespace Outreach.Dashboard.Telemetry.Pages;

/// <summary>
/// What a chart plots for an instrument: the rate per second of a monotonic sum (a request count is read as a
/// request rate), the value of a gauge or an up-down sum, and the p95 of each interval of a histogram.
/// </summary>
internal static class MetricValues
{
    public static string ChartMeaning(InstrumentInfo info) => info.Kind switch
    {
        InstrumentKind.Sum when info.IsMonotonic => "rate per second",
        InstrumentKind.Histogram or InstrumentKind.ExponentialHistogram => $"p95 of each interval{UnitSuffix(info)}",
        InstrumentKind.Summary => $"sum{UnitSuffix(info)}",
        _ => $"value{UnitSuffix(info)}",
    };

    public static IReadOnlyList<(long Time, double Value)> ChartPoints(InstrumentInfo info, MetricPoint[] points)
    {
        var plotted = new List<(long, double)>(points.Length);
        for (var i = 0; i < points.Length; i++)
        {
            var point = points[i];
            var previous = i == 0 ? null : points[i - 1];
            double? value = info.Kind switch
            {
                InstrumentKind.Sum when info.IsMonotonic => Rate(info, point, previous),
                InstrumentKind.Histogram or InstrumentKind.ExponentialHistogram =>
                    HistogramMath.Percentile(info.IsCumulative ? HistogramMath.Interval(point, previous) : point, 0.95),
                _ => point.Value,
            };
            if (value is { } v && double.IsFinite(v))
            {
                plotted.Add((point.TimeUnixNano, v));
            }
        }

        return plotted;
    }

    /// <summary>Per second: a delta point over its own interval, a cumulative one against the point before it.</summary>
    public static double? Rate(InstrumentInfo info, MetricPoint point, MetricPoint? previous)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(point);
        if (!info.IsCumulative)
        {
            var seconds = (point.TimeUnixNano - point.StartUnixNano) / 1e9;
            return seconds > 0 ? point.Value / seconds : null;
        }

        if (previous is null || previous.StartUnixNano != point.StartUnixNano || point.Value < previous.Value)
        {
            return null;
        }

        var elapsed = (point.TimeUnixNano - previous.TimeUnixNano) / 1e9;
        return elapsed > 0 ? (point.Value - previous.Value) / elapsed : null;
    }

    /// <summary>A histogram's measurements per second: for http.server.request.duration, the request rate.</summary>
    public static double? CountRate(InstrumentInfo info, MetricPoint point, MetricPoint? previous)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(point);
        if (!info.IsCumulative)
        {
            var seconds = (point.TimeUnixNano - point.StartUnixNano) / 1e9;
            return seconds > 0 ? point.Count / seconds : null;
        }

        if (previous is null || previous.StartUnixNano != point.StartUnixNano || point.Count < previous.Count)
        {
            return null;
        }

        var elapsed = (point.TimeUnixNano - previous.TimeUnixNano) / 1e9;
        return elapsed > 0 ? (point.Count - previous.Count) / elapsed : null;
    }

    private static string UnitSuffix(InstrumentInfo info) => string.IsNullOrEmpty(info.Unit) ? "" : $" ({info.Unit})";
}
