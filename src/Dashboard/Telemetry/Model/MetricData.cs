namespace Outreach.Dashboard.Telemetry.Model;

public enum InstrumentKind
{
    Gauge,
    Sum,
    Histogram,
    ExponentialHistogram,
    Summary,
}

/// <summary>An instrument as its meter describes it. The same (meter, name) in a later export replaces the description.</summary>
public sealed record InstrumentInfo(
    string MeterName,
    string Name,
    string Description,
    string Unit,
    InstrumentKind Kind,
    bool IsMonotonic,
    bool IsCumulative);

/// <summary>
/// One exported data point. Numbers carry <see cref="Value"/>; histograms carry count, sum and buckets (an exponential
/// histogram is turned into explicit buckets on arrival, so one estimate serves both); summaries count and sum.
/// </summary>
public sealed record MetricPoint
{
    public long StartUnixNano { get; init; }

    public long TimeUnixNano { get; init; }

    public double Value { get; init; }

    public long Count { get; init; }

    public double Sum { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Upper bounds of every bucket but the last (which is unbounded), as OTLP's explicit_bounds.</summary>
    public double[]? Bounds { get; init; }

    /// <summary>One count per bucket: Bounds.Length + 1 of them.</summary>
    public long[]? BucketCounts { get; init; }
}

/// <summary>A point on its way into the store: the instrument, the dimension set and the point itself.</summary>
public sealed record MetricInput(InstrumentInfo Instrument, AttributePair[] Dimensions, MetricPoint Point);

/// <summary>The points of one dimension set of one instrument, oldest first, as copied out of the store.</summary>
public sealed record MetricSeriesSnapshot(string InstanceId, AttributePair[] Dimensions, MetricPoint[] Points)
{
    public MetricPoint? Latest => Points.Length == 0 ? null : Points[^1];
}

public sealed record InstrumentSnapshot(InstrumentInfo Info, IReadOnlyList<MetricSeriesSnapshot> Series);
