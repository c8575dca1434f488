using Outreach.Dashboard.Otlp.Proto.Collector.Trace.V1;
using Outreach.Dashboard.Otlp.Proto.Trace.V1;
using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Store;

namespace Outreach.Dashboard.Otlp;

/// <summary>An export of spans into the store, one resource at a time.</summary>
public static class OtlpTraces
{
    /// <summary>Stores every span of the request; returns how many there were.</summary>
    public static int Ingest(TelemetryRepository repository, ExportTraceServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(request);
        var total = 0;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var source = OtlpValues.SourceOf(resourceSpans.Resource);
            var spans = new List<SpanData>();
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = StringPool.Share(scopeSpans.Scope?.Name ?? "");
                foreach (var span in scopeSpans.Spans)
                {
                    if (ToSpan(source, scope, span) is { } converted)
                    {
                        spans.Add(converted);
                    }
                }
            }

            repository.AddSpans(source, spans);
            total += spans.Count;
        }

        return total;
    }

    /// <summary>A span without a trace or span id cannot be placed in any trace; it is dropped.</summary>
    private static SpanData? ToSpan(TelemetrySource source, string scope, Span span)
    {
        if (OtlpValues.Id(span.TraceId) is not { } traceId || OtlpValues.Id(span.SpanId) is not { } spanId)
        {
            return null;
        }

        return new SpanData
        {
            Source = source,
            TraceId = traceId,
            SpanId = spanId,
            ParentSpanId = OtlpValues.Id(span.ParentSpanId),
            Name = StringPool.Share(span.Name),
            Kind = KindName(span.Kind),
            Scope = scope,
            StartUnixNano = (long)span.StartTimeUnixNano,
            EndUnixNano = (long)Math.Max(span.EndTimeUnixNano, span.StartTimeUnixNano),
            Status = span.Status?.Code switch
            {
                Status.Types.StatusCode.Error => SpanStatuses.Error,
                Status.Types.StatusCode.Ok => SpanStatuses.Ok,
                _ => SpanStatuses.Unset,
            },
            StatusMessage = string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
            Attributes = OtlpValues.Attributes(span.Attributes),
            Events = span.Events.Count == 0
                ? []
                : [.. span.Events.Select(e => new SpanEventData(StringPool.Share(e.Name), (long)e.TimeUnixNano, OtlpValues.Attributes(e.Attributes)))],
            Links = span.Links.Count == 0
                ? []
                : [.. span.Links.Select(l => new SpanLinkData(OtlpValues.Id(l.TraceId) ?? "", OtlpValues.Id(l.SpanId) ?? "", OtlpValues.Attributes(l.Attributes)))],
        };
    }

    private static string KindName(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Internal => "Internal",
        Span.Types.SpanKind.Server => "Server",
        Span.Types.SpanKind.Client => "Client",
        Span.Types.SpanKind.Producer => "Producer",
        Span.Types.SpanKind.Consumer => "Consumer",
        _ => "Unspecified",
    };
}
