using System.Security.Cryptography;
using Google.Protobuf;
using Outreach.Dashboard.Otlp.Proto.Collector.Trace.V1;
using Outreach.Dashboard.Otlp.Proto.Common.V1;
using Outreach.Dashboard.Otlp.Proto.Resource.V1;
using Outreach.Dashboard.Otlp.Proto.Trace.V1;
using Kind = Outreach.Dashboard.Otlp.Proto.Trace.V1.Span.Types.SpanKind;

namespace Outreach.Dashboard.Bench;

/// <summary>
/// Export requests shaped like the .NET SDK's batches: 512 spans per request by default, traces of 4 spans (a server
/// request, two database calls, a publish), 8 attributes each. Serialised once; every send copies the bytes and
/// writes fresh trace ids at their known offsets, so each request carries new traces (the store keeps evicting)
/// without the senders spending the two cores on serialisation.
/// </summary>
internal sealed class SpanPayloads
{
    public const int SpansPerTrace = 4;

    private readonly byte[] _template;
    private readonly int[][] _traceIdOffsets;

    public SpanPayloads(string serviceName, int spansPerRequest)
    {
        var traceIds = Enumerable.Range(0, Math.Max(1, spansPerRequest / SpansPerTrace)).Select(_ => RandomNumberGenerator.GetBytes(16)).ToList();
        var request = Build(serviceName, traceIds);
        SpanCount = request.ResourceSpans.Sum(r => r.ScopeSpans.Sum(s => s.Spans.Count));
        _template = request.ToByteArray();
        _traceIdOffsets = [.. traceIds.Select(id => Offsets(_template, id))];
    }

    public int SpanCount { get; }

    public int Bytes => _template.Length;

    /// <summary>A new request body: the template with new random trace ids (the same id for the spans of one trace).</summary>
    public byte[] Next()
    {
        var body = (byte[])_template.Clone();
        Span<byte> id = stackalloc byte[16];
        foreach (var offsets in _traceIdOffsets)
        {
            Random.Shared.NextBytes(id);
            foreach (var offset in offsets)
            {
                id.CopyTo(body.AsSpan(offset));
            }
        }

        return body;
    }

    public static ExportTraceServiceRequest Build(string serviceName, IReadOnlyList<byte[]> traceIds)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "Microsoft.AspNetCore" } };
        var start = (ulong)(DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
        foreach (var (traceId, t) in traceIds.Select((id, i) => (id, i)))
        {
            var rootId = RandomNumberGenerator.GetBytes(8);
            var at = start + ((ulong)t * 1_000_000);
            scope.Spans.Add(Span(traceId, rootId, null, "POST /functions/v1/api-user-management", Kind.Server, at, 12_000_000,
                ("http.request.method", "POST"), ("url.path", "/functions/v1/api-user-management"), ("http.route", "/functions/v1/api-user-management"),
                ("http.response.status_code", "200"), ("server.address", "127.0.0.1"), ("server.port", "5101"), ("network.protocol.version", "1.1"), ("user_agent.original", "curl/8.5.0")));
            scope.Spans.Add(Span(traceId, RandomNumberGenerator.GetBytes(8), rootId, "seatsdb", Kind.Client, at + 1_000_000, 3_000_000,
                ("db.system", "postgresql"), ("db.namespace", "seatsdb"), ("db.operation.name", "SELECT"), ("server.address", "127.0.0.1"),
                ("server.port", "5432"), ("db.query.text", "SELECT seat_id, status FROM seat_list WHERE key_id = $1"), ("network.peer.address", "127.0.0.1"), ("db.user", "outreach")));
            scope.Spans.Add(Span(traceId, RandomNumberGenerator.GetBytes(8), rootId, "seatsdb", Kind.Client, at + 5_000_000, 4_000_000,
                ("db.system", "postgresql"), ("db.namespace", "seatsdb"), ("db.operation.name", "INSERT"), ("server.address", "127.0.0.1"),
                ("server.port", "5432"), ("db.query.text", "INSERT INTO events (stream_id, version, type, data) VALUES ($1, $2, $3, $4)"), ("network.peer.address", "127.0.0.1"), ("db.user", "outreach")));
            scope.Spans.Add(Span(traceId, RandomNumberGenerator.GetBytes(8), rootId, "seat-suspended send", Kind.Producer, at + 10_000_000, 1_000_000,
                ("messaging.system", "rabbitmq"), ("messaging.destination.name", "seat-suspended"), ("messaging.operation", "publish"), ("messaging.message.id", Guid.NewGuid().ToString()),
                ("messaging.message.conversation_id", Guid.NewGuid().ToString()), ("server.address", "127.0.0.1"), ("server.port", "5672"), ("messaging.masstransit.message_types", "urn:message:Outreach.Contracts:SeatSuspended")));
        }

        var resource = new Resource();
        resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = serviceName } });
        resource.Attributes.Add(new KeyValue { Key = "service.instance.id", Value = new AnyValue { StringValue = serviceName } });
        resource.Attributes.Add(new KeyValue { Key = "telemetry.sdk.name", Value = new AnyValue { StringValue = "opentelemetry" } });
        resource.Attributes.Add(new KeyValue { Key = "telemetry.sdk.language", Value = new AnyValue { StringValue = "dotnet" } });
        var resourceSpans = new ResourceSpans { Resource = resource };
        resourceSpans.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return request;
    }

    private static Span Span(byte[] traceId, byte[] spanId, byte[]? parent, string name, Kind kind, ulong start, ulong duration, params (string Key, string Value)[] attributes)
    {
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(traceId),
            SpanId = ByteString.CopyFrom(spanId),
            Name = name,
            Kind = kind,
            StartTimeUnixNano = start,
            EndTimeUnixNano = start + duration,
            Status = new Status(),
        };
        if (parent is not null)
        {
            span.ParentSpanId = ByteString.CopyFrom(parent);
        }

        span.Attributes.Add(attributes.Select(a => new KeyValue { Key = a.Key, Value = new AnyValue { StringValue = a.Value } }));
        return span;
    }

    private static int[] Offsets(byte[] haystack, byte[] needle)
    {
        var offsets = new List<int>();
        for (var at = haystack.AsSpan().IndexOf(needle); at >= 0;)
        {
            offsets.Add(at);
            var next = haystack.AsSpan(at + 1).IndexOf(needle);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return [.. offsets];
    }
}
