using System.Security.Cryptography;
using Google.Protobuf;
using Outreach.Dashboard.Otlp;
using Outreach.Dashboard.Otlp.Proto.Collector.Logs.V1;
using Outreach.Dashboard.Otlp.Proto.Collector.Metrics.V1;
using Outreach.Dashboard.Otlp.Proto.Collector.Trace.V1;
using Outreach.Dashboard.Otlp.Proto.Common.V1;
using Outreach.Dashboard.Otlp.Proto.Logs.V1;
using Outreach.Dashboard.Otlp.Proto.Metrics.V1;
using Outreach.Dashboard.Otlp.Proto.Resource.V1;
using Outreach.Dashboard.Telemetry.Store;

namespace Outreach.Dashboard.Bench;

/// <summary>
/// Fills a store to its limits through the receiver's own ingestion code (decoded messages in, the same path as
/// after HTTP): traces of <see cref="SpanPayloads.SpansPerTrace"/> spans, logs with a trace id and 4 attributes,
/// and metric points of 25 counters and 25 latency histograms (the SDK's 15 default bounds) per export.
/// </summary>
internal static class FillData
{
    private static readonly double[] DefaultBounds = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    public static void Fill(TelemetryRepository repository, string serviceName)
    {
        var limits = repository.Limits;
        var perRequest = 512 / SpanPayloads.SpansPerTrace;
        for (var traces = 0; traces < limits.MaxTraceCount; traces += perRequest)
        {
            var ids = Enumerable.Range(0, Math.Min(perRequest, limits.MaxTraceCount - traces)).Select(_ => RandomNumberGenerator.GetBytes(16)).ToList();
            OtlpTraces.Ingest(repository, SpanPayloads.Build(serviceName, ids));
        }

        for (var logs = 0; logs < limits.MaxLogCount; logs += 500)
        {
            OtlpLogs.Ingest(repository, Logs(serviceName, logs, Math.Min(500, limits.MaxLogCount - logs)));
        }

        const int SeriesPerExport = 50;
        for (var points = 0; points < limits.MaxMetricPointCount; points += SeriesPerExport)
        {
            OtlpMetrics.Ingest(repository, Metrics(serviceName, points / SeriesPerExport, SeriesPerExport));
        }
    }

    private static Resource Resource(string serviceName)
    {
        var resource = new Resource();
        resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = serviceName } });
        return resource;
    }

    private static ExportLogsServiceRequest Logs(string serviceName, int first, int count)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "Outreach.SeatService.Seats.SuspendSeat" } };
        var now = (ulong)(DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
        for (var i = 0; i < count; i++)
        {
            var n = first + i;
            var record = new LogRecord
            {
                TimeUnixNano = now + (ulong)n,
                SeverityNumber = n % 50 == 0 ? SeverityNumber.Error : SeverityNumber.Info,
                SeverityText = n % 50 == 0 ? "Error" : "Information",
                Body = new AnyValue { StringValue = $"Seat {n} suspended by key key_{n % 97:00} at the operator's request" },
                TraceId = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(16)),
                SpanId = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(8)),
            };
            record.Attributes.Add(new KeyValue { Key = "SeatId", Value = new AnyValue { StringValue = n.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
            record.Attributes.Add(new KeyValue { Key = "KeyId", Value = new AnyValue { StringValue = $"key_{n % 97:00}" } });
            record.Attributes.Add(new KeyValue { Key = "{OriginalFormat}", Value = new AnyValue { StringValue = "Seat {SeatId} suspended by key {KeyId} at the operator's request" } });
            record.Attributes.Add(new KeyValue { Key = "EventId", Value = new AnyValue { IntValue = 1042 } });
            scope.LogRecords.Add(record);
        }

        var resourceLogs = new ResourceLogs { Resource = Resource(serviceName) };
        resourceLogs.ScopeLogs.Add(scope);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(resourceLogs);
        return request;
    }

    private static ExportMetricsServiceRequest Metrics(string serviceName, int export, int series)
    {
        var start = (ulong)(DateTimeOffset.UtcNow.AddHours(-1) - DateTimeOffset.UnixEpoch).Ticks * 100;
        var time = start + ((ulong)export * 5_000_000_000);
        var scope = new ScopeMetrics { Scope = new InstrumentationScope { Name = "Microsoft.AspNetCore.Hosting" } };
        var counter = new Sum { IsMonotonic = true, AggregationTemporality = AggregationTemporality.Cumulative };
        var histogram = new Histogram { AggregationTemporality = AggregationTemporality.Cumulative };
        for (var s = 0; s < series / 2; s++)
        {
            var route = new KeyValue { Key = "http.route", Value = new AnyValue { StringValue = $"/route/{s}" } };
            var method = new KeyValue { Key = "http.request.method", Value = new AnyValue { StringValue = "GET" } };
            var point = new NumberDataPoint { StartTimeUnixNano = start, TimeUnixNano = time, AsInt = export * 10L };
            point.Attributes.Add([route, method]);
            counter.DataPoints.Add(point);
            var bucketPoint = new HistogramDataPoint { StartTimeUnixNano = start, TimeUnixNano = time, Count = (ulong)export * 16, Sum = export * 160.0 };
            bucketPoint.ExplicitBounds.Add(DefaultBounds);
            bucketPoint.BucketCounts.Add(Enumerable.Repeat((ulong)export, DefaultBounds.Length + 1));
            bucketPoint.Attributes.Add([route, method]);
            histogram.DataPoints.Add(bucketPoint);
        }

        scope.Metrics.Add(new Metric { Name = "http.server.active_requests_total", Unit = "{request}", Sum = counter });
        scope.Metrics.Add(new Metric { Name = "http.server.request.duration", Unit = "s", Histogram = histogram });
        var resourceMetrics = new ResourceMetrics { Resource = Resource(serviceName) };
        resourceMetrics.ScopeMetrics.Add(scope);
        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resourceMetrics);
        return request;
    }
}
