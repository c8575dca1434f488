using Outreach.Dashboard.Otlp.Proto.Collector.Metrics.V1;
using Outreach.Dashboard.Otlp.Proto.Metrics.V1;
using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Store;

namespace Outreach.Dashboard.Otlp;

/// <summary>An export of metric data points into the store, one resource at a time.</summary>
public static class OtlpMetrics
{
    private const uint NoRecordedValue = (uint)DataPointFlags.NoRecordedValueMask;

    public static int Ingest(TelemetryRepository repository, ExportMetricsServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(request);
        var total = 0;
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var source = OtlpValues.SourceOf(resourceMetrics.Resource);
            var inputs = new List<MetricInput>();
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                var meter = StringPool.Share(scopeMetrics.Scope?.Name ?? "");
                foreach (var metric in scopeMetrics.Metrics)
                {
                    AddPoints(inputs, meter, metric);
                }
            }

            repository.AddMetrics(source, inputs);
            total += inputs.Count;
        }

        return total;
    }

    private static void AddPoints(List<MetricInput> inputs, string meter, Metric metric)
    {
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                var gauge = Info(meter, metric, InstrumentKind.Gauge, false, false);
                inputs.AddRange(metric.Gauge.DataPoints.Where(Recorded).Select(p => new MetricInput(gauge, Dimensions(p.Attributes), Number(p))));
                break;
            case Metric.DataOneofCase.Sum:
                var sum = Info(meter, metric, InstrumentKind.Sum, metric.Sum.IsMonotonic, IsCumulative(metric.Sum.AggregationTemporality));
                inputs.AddRange(metric.Sum.DataPoints.Where(Recorded).Select(p => new MetricInput(sum, Dimensions(p.Attributes), Number(p))));
                break;
            case Metric.DataOneofCase.Histogram:
                var histogram = Info(meter, metric, InstrumentKind.Histogram, true, IsCumulative(metric.Histogram.AggregationTemporality));
                inputs.AddRange(metric.Histogram.DataPoints.Where(p => (p.Flags & NoRecordedValue) == 0)
                    .Select(p => new MetricInput(histogram, Dimensions(p.Attributes), Histogram(p))));
                break;
            case Metric.DataOneofCase.ExponentialHistogram:
                var exponential = Info(meter, metric, InstrumentKind.ExponentialHistogram, true, IsCumulative(metric.ExponentialHistogram.AggregationTemporality));
                inputs.AddRange(metric.ExponentialHistogram.DataPoints.Where(p => (p.Flags & NoRecordedValue) == 0)
                    .Select(p => new MetricInput(exponential, Dimensions(p.Attributes), ExponentialBuckets.ToPoint(p))));
                break;
            case Metric.DataOneofCase.Summary:
                var summary = Info(meter, metric, InstrumentKind.Summary, false, true);
                inputs.AddRange(metric.Summary.DataPoints.Where(p => (p.Flags & NoRecordedValue) == 0)
                    .Select(p => new MetricInput(summary, Dimensions(p.Attributes), new MetricPoint
                    {
                        StartUnixNano = (long)p.StartTimeUnixNano,
                        TimeUnixNano = (long)p.TimeUnixNano,
                        Count = (long)p.Count,
                        Sum = p.Sum,
                        Value = p.Sum,
                    })));
                break;
            default:
                // A metric with no data (or a kind from a later OTLP version) has nothing to store.
                break;
        }
    }

    private static InstrumentInfo Info(string meter, Metric metric, InstrumentKind kind, bool monotonic, bool cumulative) =>
        new(meter, StringPool.Share(metric.Name), StringPool.Share(metric.Description), StringPool.Share(metric.Unit), kind, monotonic, cumulative);

    private static bool IsCumulative(AggregationTemporality temporality) => temporality != AggregationTemporality.Delta;

    private static bool Recorded(NumberDataPoint point) => (point.Flags & NoRecordedValue) == 0;

    /// <summary>Sorted by key, so the same set in another order is the same series.</summary>
    private static AttributePair[] Dimensions(Google.Protobuf.Collections.RepeatedField<Proto.Common.V1.KeyValue> attributes)
    {
        var pairs = OtlpValues.Attributes(attributes);
        if (pairs.Length > 1)
        {
            Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        }

        return pairs;
    }

    private static MetricPoint Number(NumberDataPoint point) => new()
    {
        StartUnixNano = (long)point.StartTimeUnixNano,
        TimeUnixNano = (long)point.TimeUnixNano,
        Value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
    };

    private static MetricPoint Histogram(HistogramDataPoint point) => new()
    {
        StartUnixNano = (long)point.StartTimeUnixNano,
        TimeUnixNano = (long)point.TimeUnixNano,
        Count = (long)point.Count,
        Sum = point.HasSum ? point.Sum : 0,
        Value = point.HasSum ? point.Sum : 0,
        Min = point.HasMin ? point.Min : null,
        Max = point.HasMax ? point.Max : null,
        Bounds = point.ExplicitBounds.Count == 0 ? [] : [.. point.ExplicitBounds],
        BucketCounts = [.. point.BucketCounts.Select(c => (long)c)],
    };
}
