using System.Text.Json;
using System.Text.Json.Serialization;
using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Store;

namespace Outreach.Dashboard.Telemetry.Api;

/// <summary>
/// The API's JSON shapes, snake_case like the project's other public APIs (trace_id, start_time, duration_ms).
/// Times are ISO 8601 UTC; attributes are objects of their text values.
/// </summary>
internal static class TelemetryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static DateTimeOffset Time(long unixNanos) => UnixNanos.ToDateTimeOffset(unixNanos);

    public static double Ms(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 3);

    /// <summary>Attributes as an object; a key sent twice keeps its last value.</summary>
    public static Dictionary<string, string> Attributes(AttributePair[] attributes)
    {
        var map = new Dictionary<string, string>(attributes.Length, StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            map[attribute.Key] = attribute.Value;
        }

        return map;
    }

    public static TraceSummaryJson Summary(TraceSummary trace) => new(
        trace.TraceId,
        trace.Name,
        trace.ServiceNames,
        [.. trace.Sources.Select(s => s.InstanceId)],
        trace.SpanCount,
        Time(trace.StartUnixNano),
        Ms(trace.Duration),
        trace.HasError);

    public static SpanJson Span(TraceSpanRow row) => new(
        row.Span.SpanId,
        row.Span.ParentSpanId,
        row.Span.Name,
        row.Span.Kind,
        row.Span.Source.ServiceName,
        row.Span.Source.InstanceId,
        row.Span.Scope,
        Time(row.Span.StartUnixNano),
        Time(row.Span.EndUnixNano),
        Ms(row.Span.Duration),
        row.Span.Status,
        row.Span.StatusMessage,
        row.Depth,
        Attributes(row.Span.Attributes),
        [.. row.Span.Events.Select(e => new SpanEventJson(e.Name, Time(e.TimeUnixNano), Attributes(e.Attributes)))],
        [.. row.Span.Links.Select(l => new SpanLinkJson(l.TraceId, l.SpanId, Attributes(l.Attributes)))]);

    public static LogJson Log(LogEntry log) => new(
        Time(log.TimeUnixNano),
        log.Source.ServiceName,
        log.Source.InstanceId,
        log.Level.ToString(),
        log.SeverityNumber,
        log.Message,
        log.Category,
        log.EventName,
        log.TraceId,
        log.SpanId,
        Attributes(log.Attributes));
}

internal sealed record TracesJson(int Total, IReadOnlyList<TraceSummaryJson> Traces);

internal sealed record TraceSummaryJson(
    string TraceId,
    string Name,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Instances,
    int SpanCount,
    DateTimeOffset StartTime,
    double DurationMs,
    bool HasError);

internal sealed record TraceJson(
    string TraceId,
    string Name,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Instances,
    int SpanCount,
    DateTimeOffset StartTime,
    double DurationMs,
    bool HasError,
    IReadOnlyList<SpanJson> Spans);

internal sealed record SpanJson(
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Resource,
    string Instance,
    string Scope,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    double DurationMs,
    string Status,
    string? StatusMessage,
    int Depth,
    Dictionary<string, string> Attributes,
    IReadOnlyList<SpanEventJson> Events,
    IReadOnlyList<SpanLinkJson> Links);

internal sealed record SpanEventJson(string Name, DateTimeOffset Time, Dictionary<string, string> Attributes);

internal sealed record SpanLinkJson(string TraceId, string SpanId, Dictionary<string, string> Attributes);

internal sealed record LogsJson(int Total, IReadOnlyList<LogJson> Logs);

internal sealed record LogJson(
    DateTimeOffset Time,
    string Resource,
    string Instance,
    string Level,
    int SeverityNumber,
    string Message,
    string Category,
    string? EventName,
    string? TraceId,
    string? SpanId,
    Dictionary<string, string> Attributes);

internal sealed record MetricsJson(IReadOnlyList<InstrumentJson> Instruments);

internal sealed record InstrumentJson(
    string Resource,
    string Meter,
    string Name,
    string Description,
    string Unit,
    string Kind,
    bool IsMonotonic,
    string Temporality,
    IReadOnlyList<MetricPointJson> Points);

/// <summary>The latest point of one dimension set: value for numbers; count, sum and percentiles for histograms.</summary>
internal sealed record MetricPointJson(
    string Instance,
    Dictionary<string, string> Dimensions,
    DateTimeOffset Time,
    double? Value,
    long? Count,
    double? Sum,
    double? Min,
    double? Max,
    double? P50,
    double? P95,
    double? P99);
