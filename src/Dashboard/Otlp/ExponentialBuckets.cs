using Outreach.Dashboard.Otlp.Proto.Metrics.V1;
using Outreach.Dashboard.Telemetry.Model;

namespace Outreach.Dashboard.Otlp;

/// <summary>
/// An exponential histogram as explicit buckets, so one percentile estimate serves both kinds. Positive bucket i
/// covers (2^(i·2^-scale), 2^((i+1)·2^-scale)]; zero and negative values are counted in the bucket up to 0.
/// </summary>
internal static class ExponentialBuckets
{
    /// <summary>Scales this fine give buckets narrower than a double can tell apart; the count and sum still stand.</summary>
    private const int MaxSupportedScale = 20;

    public static MetricPoint ToPoint(ExponentialHistogramDataPoint point)
    {
        var (bounds, counts) = point.Scale is >= -10 and <= MaxSupportedScale ? Buckets(point) : ([], [(long)point.Count]);
        return new MetricPoint
        {
            StartUnixNano = (long)point.StartTimeUnixNano,
            TimeUnixNano = (long)point.TimeUnixNano,
            Count = (long)point.Count,
            Sum = point.HasSum ? point.Sum : 0,
            Value = point.HasSum ? point.Sum : 0,
            Min = point.HasMin ? point.Min : null,
            Max = point.HasMax ? point.Max : null,
            Bounds = bounds,
            BucketCounts = counts,
        };
    }

    private static (double[] Bounds, long[] Counts) Buckets(ExponentialHistogramDataPoint point)
    {
        var positive = point.Positive?.BucketCounts ?? [];
        var offset = point.Positive?.Offset ?? 0;
        var atOrBelowZero = (long)point.ZeroCount + (point.Negative?.BucketCounts.Sum(c => (long)c) ?? 0);
        var step = Math.Pow(2, -point.Scale);
        // Bounds: 0, then the lower edge of the first positive bucket (an empty bucket between keeps the estimate
        // from spreading the first bucket down to 0), then every positive bucket's upper edge.
        var bounds = new double[positive.Count + 2];
        var counts = new long[positive.Count + 3];
        bounds[0] = 0;
        bounds[1] = Math.Pow(2, offset * step);
        counts[0] = atOrBelowZero;
        for (var i = 0; i < positive.Count; i++)
        {
            bounds[i + 2] = Math.Pow(2, (offset + i + 1) * step);
            counts[i + 2] = (long)positive[i];
        }

        return (bounds, counts);
    }
}
