using System.Security.Cryptography;
using Google.Protobuf;
using Outreach.Dashboard.Otlp.Proto.Collector.Logs.V1;
using Outreach.Dashboard.Otlp.Proto.Collector.Metrics.V1;
using Outreach.Dashboard.Otlp.Proto.Collector.Trace.V1;
using Outreach.Dashboard.Otlp.Proto.Common.V1;
using Outreach.Dashboard.Otlp.Proto.Logs.V1;
using Outreach.Dashboard.Otlp.Proto.Metrics.V1;
using Outreach.Dashboard.Otlp.Proto.Resource.V1;
using Outreach.Dashboard.Otlp.Proto.Trace.V1;
using SpanKind = Outreach.Dashboard.Otlp.Proto.Trace.V1.Span.Types.SpanKind;

namespace Outreach.Dashboard.Tests.Otlp;

/// <summary>Hand-built OTLP messages from the dashboard's generated types: what any SDK would send, field by field.</summary>
internal static class OtlpPayloads
{
    public static readonly DateTimeOffset BaseTime = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static string NewTraceId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NewSpanId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static ulong Nanos(DateTimeOffset time) => (ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100;

    public static Resource Resource(string serviceName, string? instanceId = null)
    {
        var resource = new Resource();
        resource.Attributes.Add(Attribute("service.name", serviceName));
        if (instanceId is not null)
        {
            resource.Attributes.Add(Attribute("service.instance.id", instanceId));
        }

        return resource;
    }

    public static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public static Span Span(string traceId, string spanId, string? parentSpanId, string name, TimeSpan start, TimeSpan duration, params KeyValue[] attributes)
    {
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(Convert.FromHexString(traceId)),
            SpanId = ByteString.CopyFrom(Convert.FromHexString(spanId)),
            Name = name,
            Kind = SpanKind.Server,
            StartTimeUnixNano = Nanos(BaseTime + start),
            EndTimeUnixNano = Nanos(BaseTime + start + duration),
        };
        if (parentSpanId is not null)
        {
            span.ParentSpanId = ByteString.CopyFrom(Convert.FromHexString(parentSpanId));
        }

        span.Attributes.Add(attributes);
        return span;
    }

    public static ExportTraceServiceRequest Traces(Resource resource, params Span[] spans)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "Outreach.Tests" } };
        scope.Spans.Add(spans);
        var resourceSpans = new ResourceSpans { Resource = resource };
        resourceSpans.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return request;
    }

    public static LogRecord Log(SeverityNumber severity, string message, string? traceId = null, params KeyValue[] attributes)
    {
        var record = new LogRecord
        {
            TimeUnixNano = Nanos(BaseTime),
            SeverityNumber = severity,
            SeverityText = severity.ToString(),
            Body = new AnyValue { StringValue = message },
        };
        if (traceId is not null)
        {
            record.TraceId = ByteString.CopyFrom(Convert.FromHexString(traceId));
        }

        record.Attributes.Add(attributes);
        return record;
    }

    public static ExportLogsServiceRequest Logs(Resource resource, params LogRecord[] records)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "Outreach.Tests.Category" } };
        scope.LogRecords.Add(records);
        var resourceLogs = new ResourceLogs { Resource = resource };
        resourceLogs.ScopeLogs.Add(scope);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(resourceLogs);
        return request;
    }

    public static Metric Counter(string name, params (double Value, TimeSpan At, KeyValue[] Attributes)[] points)
    {
        var sum = new Sum { IsMonotonic = true, AggregationTemporality = AggregationTemporality.Cumulative };
        foreach (var (value, at, attributes) in points)
        {
            var point = new NumberDataPoint { AsDouble = value, StartTimeUnixNano = Nanos(BaseTime), TimeUnixNano = Nanos(BaseTime + at) };
            point.Attributes.Add(attributes);
            sum.DataPoints.Add(point);
        }

        return new Metric { Name = name, Unit = "{request}", Description = "Requests handled.", Sum = sum };
    }

    /// <summary>A latency histogram with buckets (0, 10], (10, 100], (100, +inf) holding the given counts.</summary>
    public static Metric Histogram(string name, long below10, long below100, long above100, double sum, params KeyValue[] attributes)
    {
        var point = new HistogramDataPoint
        {
            StartTimeUnixNano = Nanos(BaseTime),
            TimeUnixNano = Nanos(BaseTime + TimeSpan.FromSeconds(10)),
            Count = (ulong)(below10 + below100 + above100),
            Sum = sum,
        };
        point.ExplicitBounds.Add([10, 100]);
        point.BucketCounts.Add([(ulong)below10, (ulong)below100, (ulong)above100]);
        point.Attributes.Add(attributes);
        var histogram = new Histogram { AggregationTemporality = AggregationTemporality.Cumulative };
        histogram.DataPoints.Add(point);
        return new Metric { Name = name, Unit = "ms", Histogram = histogram };
    }

    public static ExportMetricsServiceRequest Metrics(Resource resource, string meter, params Metric[] metrics)
    {
        var scope = new ScopeMetrics { Scope = new InstrumentationScope { Name = meter } };
        scope.Metrics.Add(metrics);
        var resourceMetrics = new ResourceMetrics { Resource = resource };
        resourceMetrics.ScopeMetrics.Add(scope);
        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resourceMetrics);
        return request;
    }
}
