using System.Net;
using Microsoft.Extensions.Logging;
using Outreach.Dashboard.Tests.Telemetry;
using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Store;
using Outreach.Dashboard.Tests.Support;

namespace Outreach.Dashboard.Tests.Otlp;

/// <summary>
/// OTLP/JSON as the spec writes it: lowerCamelCase names, hex trace and span ids, enums as integers, 64-bit integers
/// as strings (and as plain numbers), and fields this receiver does not know, which it must ignore.
/// </summary>
public sealed class JsonIngestionTests
{
    private const string TraceId = "5b8efff798038103d269b633813fc60c";
    private const string RootSpanId = "eee19b7ec3c1b174";
    private const string ChildSpanId = "eee19b7ec3c1b173";

    [Fact]
    public async Task Traces_in_json_keep_their_hex_ids_and_are_answered_in_json()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient(authenticated: false);
        var json = $$$"""
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"invitation-service"}}]},
              "scopeSpans":[{"scope":{"name":"MassTransit"},"spans":[
                {"traceId":"{{{TraceId}}}","spanId":"{{{RootSpanId}}}","name":"seat-suspended receive","kind":5,
                 "startTimeUnixNano":"1764590400000000000","endTimeUnixNano":1764590400025000000,
                 "attributes":[{"key":"messaging.system","value":{"stringValue":"rabbitmq"}},{"key":"retry","value":{"intValue":"2"}}],
                 "status":{"code":2,"message":"consumer threw"},"someFutureField":{"x":1}},
                {"traceId":"{{{TraceId}}}","spanId":"{{{ChildSpanId}}}","parentSpanId":"{{{RootSpanId}}}","name":"invitationsdb UPDATE","kind":3,
                 "startTimeUnixNano":"1764590400005000000","endTimeUnixNano":"1764590400015000000",
                 "events":[{"timeUnixNano":"1764590400010000000","name":"exception","attributes":[{"key":"exception.type","value":{"stringValue":"TimeoutException"}}]}]}
              ]}]}]}
            """;

        using var response = await client.PostJsonAsync("/v1/traces", json);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync()).Replace(" ", "", StringComparison.Ordinal).ShouldBe("{}");
        var trace = dashboard.Telemetry().GetTrace(TraceId).ShouldNotBeNull();
        trace.Spans.Select(r => (r.Span.SpanId, r.Span.ParentSpanId, r.Depth)).ShouldBe([(RootSpanId, null, 0), (ChildSpanId, RootSpanId, 1)]);
        var root = trace.Spans[0].Span;
        (root.Kind, root.Status, root.StatusMessage).ShouldBe(("Consumer", SpanStatuses.Error, "consumer threw"));
        root.Duration.ShouldBe(TimeSpan.FromMilliseconds(25));
        AttributePair.Find(root.Attributes, "retry").ShouldBe("2");
        trace.Spans[1].Span.Events.Single().Name.ShouldBe("exception");
    }

    [Fact]
    public async Task Logs_in_json_keep_severity_body_and_trace_id()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient(authenticated: false);
        var json = $$$"""
            {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"seat-service"}},
                                                          {"key":"service.instance.id","value":{"stringValue":"seat-service-2"}}]},
              "scopeLogs":[{"scope":{"name":"Outreach.SeatService.Seats"},"logRecords":[
                {"timeUnixNano":"1764590400000000000","severityNumber":13,"severityText":"Warning","body":{"stringValue":"Seat 7 is near its daily limit"},
                 "traceId":"{{{TraceId}}}","spanId":"{{{RootSpanId}}}","attributes":[{"key":"seat_id","value":{"stringValue":"7"}}]}
              ]}]}]}
            """;

        using var response = await client.PostJsonAsync("/v1/logs", json);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var log = dashboard.Telemetry().GetLogs(new LogQuery()).Logs.Single();
        (log.Level, log.Message, log.TraceId, log.SpanId).ShouldBe((LogLevel.Warning, "Seat 7 is near its daily limit", TraceId, RootSpanId));
        log.Source.ShouldBe(new TelemetrySource("seat-service", "seat-service-2"));
        log.Category.ShouldBe("Outreach.SeatService.Seats");
    }

    [Fact]
    public async Task Metrics_in_json_keep_gauges_sums_and_histograms()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient(authenticated: false);
        const string json = """
            {"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"seat-service"}}]},
              "scopeMetrics":[{"scope":{"name":"Outreach.EventSourcing"},"metrics":[
                {"name":"eventstore.appends","unit":"{event}","sum":{"aggregationTemporality":2,"isMonotonic":true,
                  "dataPoints":[{"startTimeUnixNano":"1764590400000000000","timeUnixNano":"1764590410000000000","asInt":"1234","attributes":[{"key":"stream_type","value":{"stringValue":"seat"}}]}]}},
                {"name":"eventstore.relay.lag","unit":"{event}","gauge":{"dataPoints":[{"timeUnixNano":"1764590410000000000","asDouble":3.5}]}},
                {"name":"eventstore.append.duration","unit":"ms","histogram":{"aggregationTemporality":2,
                  "dataPoints":[{"startTimeUnixNano":"1764590400000000000","timeUnixNano":"1764590410000000000","count":"4","sum":20.5,
                                 "bucketCounts":["1","3"],"explicitBounds":[5]}]}}
              ]}]}]}
            """;

        using var response = await client.PostJsonAsync("/v1/metrics", json);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var repository = dashboard.Telemetry();
        repository.GetInstrument("seat-service", "Outreach.EventSourcing", "eventstore.appends")!.Series.Single().Latest!.Value.ShouldBe(1234);
        repository.GetInstrument("seat-service", "Outreach.EventSourcing", "eventstore.relay.lag")!.Info.Kind.ShouldBe(InstrumentKind.Gauge);
        var histogram = repository.GetInstrument("seat-service", "Outreach.EventSourcing", "eventstore.append.duration")!.Series.Single().Latest!;
        (histogram.Count, histogram.Sum).ShouldBe((4L, 20.5));
    }
}
