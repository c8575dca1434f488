namespace Outreach.Dashboard.Telemetry.Model;

/// <summary>Percentiles estimated from a histogram's buckets, and the histogram of one interval from two cumulative points.</summary>
public static class HistogramMath
{
    /// <summary>
    /// The value below which <paramref name="quantile"/> of the recorded values fall, interpolated linearly inside the
    /// bucket holding that rank (clamped to the recorded min and max when the sender gave them). Null when empty.
    /// </summary>
    public static double? Percentile(MetricPoint point, double quantile)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.BucketCounts is not { Length: > 0 } counts || point.Bounds is not { } bounds || point.Count <= 0)
        {
            return null;
        }

        var total = counts.Sum();
        if (total <= 0)
        {
            return null;
        }

        var rank = Math.Clamp(quantile, 0, 1) * total;
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0 || seen + counts[i] < rank)
            {
                seen += counts[i];
                continue;
            }

            var lower = i == 0 ? Math.Min(point.Min ?? 0, bounds.Length > 0 ? bounds[0] : 0) : bounds[i - 1];
            var upper = i < bounds.Length ? bounds[i] : point.Max ?? lower;
            var estimate = lower + ((upper - lower) * ((rank - seen) / counts[i]));
            var floor = point.Min ?? double.MinValue;
            var ceiling = point.Max ?? double.MaxValue;
            return floor <= ceiling ? Math.Clamp(estimate, floor, ceiling) : estimate;
        }

        return point.Max ?? bounds.LastOrDefault();
    }

    /// <summary>
    /// What was recorded between two cumulative points of one series (same start, same bounds); otherwise the
    /// newer point itself (a delta point already is one interval, and a restarted series begins again).
    /// </summary>
    public static MetricPoint Interval(MetricPoint newer, MetricPoint? older)
    {
        ArgumentNullException.ThrowIfNull(newer);
        if (older is null || older.StartUnixNano != newer.StartUnixNano || newer.Count < older.Count
            || newer.BucketCounts is not { } now || older.BucketCounts is not { } before || now.Length != before.Length)
        {
            return newer;
        }

        return newer with
        {
            Count = newer.Count - older.Count,
            Sum = newer.Sum - older.Sum,
            BucketCounts = [.. now.Select((count, i) => count - before[i])],
            // Min and max are of all time in a cumulative series; within the interval they are not known.
            Min = null,
            Max = null,
        };
    }
}
