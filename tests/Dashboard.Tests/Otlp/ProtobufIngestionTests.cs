using System.Net;
using Microsoft.Extensions.Logging;
using Outreach.Dashboard.Tests.Telemetry;
using Outreach.Dashboard.Otlp.Proto.Collector.Logs.V1;
using Outreach.Dashboard.Otlp.Proto.Collector.Metrics.V1;
using Outreach.Dashboard.Otlp.Proto.Collector.Trace.V1;
using Outreach.Dashboard.Otlp.Proto.Logs.V1;
using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Store;
using Outreach.Dashboard.Tests.Support;
using static Outreach.Dashboard.Tests.Otlp.OtlpPayloads;

namespace Outreach.Dashboard.Tests.Otlp;

/// <summary>Hand-built protobuf payloads (from the dashboard's own generated messages) posted with a plain HttpClient.</summary>
public sealed class ProtobufIngestionTests
{
    [Fact]
    public async Task A_hand_built_trace_export_is_stored_with_its_ids_names_and_parentage_and_answered_in_protobuf()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient(authenticated: false);
        var traceId = NewTraceId();
        var rootId = NewSpanId();
        var childId = NewSpanId();
        var request = Traces(
            Resource("seat-service", "seat-service-1"),
            Span(traceId, rootId, null, "POST /functions/v1/api-user-management", TimeSpan.Zero, TimeSpan.FromMilliseconds(40), Attribute("http.request.method", "POST")),
            Span(traceId, childId, rootId, "seatsdb INSERT", TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10)));

        using var response = await client.PostProtobufAsync("/v1/traces", request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-protobuf");
        ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync()).PartialSuccess.ShouldBeNull();
        var trace = dashboard.Telemetry().GetTrace(traceId).ShouldNotBeNull();
        trace.Summary.Name.ShouldBe("POST /functions/v1/api-user-management");
        trace.Summary.Duration.ShouldBe(TimeSpan.FromMilliseconds(40));
        trace.Spans.Select(r => (r.Span.SpanId, r.Depth)).ShouldBe([(rootId, 0), (childId, 1)]);
        var root = trace.Spans[0].Span;
        root.Source.ShouldBe(new TelemetrySource("seat-service", "seat-service-1"));
        AttributePair.Find(root.Attributes, "http.request.method").ShouldBe("POST");
    }

    [Fact]
    public async Task A_log_export_keeps_level_message_category_attributes_and_trace_link()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient(authenticated: false);
        var traceId = NewTraceId();
        var request = Logs(
            Resource("identity-service"),
            Log(SeverityNumber.Error, "Login failed for identity 42", traceId, Attribute("identity_id", "42")),
            Log(SeverityNumber.Info, "Started"));

        using var response = await client.PostProtobufAsync("/v1/logs", request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ExportLogsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync()).ShouldNotBeNull();
        var repository = dashboard.Telemetry();
        var logs = repository.GetLogs(new LogQuery(Resource: "identity-service")).Logs;
        logs.Select(l => l.Message).ShouldBe(["Started", "Login failed for identity 42"]);
        var error = logs[1];
        error.Level.ShouldBe(LogLevel.Error);
        error.Category.ShouldBe("Outreach.Tests.Category");
        error.TraceId.ShouldBe(traceId);
        AttributePair.Find(error.Attributes, "identity_id").ShouldBe("42");
        repository.ErrorLogCount("identity-service").ShouldBe(1);
    }

    [Fact]
    public async Task A_metric_export_keeps_sums_and_histograms_per_dimension_set()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient(authenticated: false);
        var request = Metrics(
            Resource("seat-service"),
            "Microsoft.AspNetCore.Hosting",
            Counter("requests", (3, TimeSpan.FromSeconds(1), [Attribute("http.route", "/user-list")]), (5, TimeSpan.FromSeconds(1), [Attribute("http.route", "/admin/accounts")])),
            Histogram("http.server.request.duration", 6, 3, 1, 420, Attribute("http.route", "/user-list")));

        using var response = await client.PostProtobufAsync("/v1/metrics", request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync()).ShouldNotBeNull();
        var repository = dashboard.Telemetry();
        repository.GetInstruments("seat-service").Select(i => (i.MeterName, i.Name, i.Kind))
            .ShouldBe([("Microsoft.AspNetCore.Hosting", "http.server.request.duration", InstrumentKind.Histogram), ("Microsoft.AspNetCore.Hosting", "requests", InstrumentKind.Sum)]);
        var requests = repository.GetInstrument("seat-service", "Microsoft.AspNetCore.Hosting", "requests").ShouldNotBeNull();
        requests.Series.Select(s => (Route: s.Dimensions.Single().Value, Count: s.Latest!.Value)).OrderBy(p => p.Route, StringComparer.Ordinal)
            .ShouldBe([("/admin/accounts", 5d), ("/user-list", 3d)]);
        var latency = repository.GetInstrument("seat-service", "Microsoft.AspNetCore.Hosting", "http.server.request.duration").ShouldNotBeNull();
        var point = latency.Series.Single().Latest.ShouldNotBeNull();
        (point.Count, point.Sum).ShouldBe((10L, 420d));
        point.BucketCounts.ShouldBe([6L, 3L, 1L]);
    }
}
