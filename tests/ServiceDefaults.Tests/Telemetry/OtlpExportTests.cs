using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Outreach.ServiceDefaults.Telemetry;
using Outreach.ServiceDefaults.Tests.Support;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Telemetry;

public sealed class OtlpExportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Traces_logs_and_metrics_reach_an_otlp_http_collector_and_are_flushed_at_shutdown()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var app = await TestApp.StartAsync(
            endpoints => endpoints.MapGet("/lookups/{id}", (string id, ILogger<OtlpExportTests> logger) =>
            {
                logger.LogInformation("Looked up {LookupId}", id);
                return Results.Ok(new { id });
            }),
            settings: new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-otlp-api-key=probe-key",
                ["OTEL_SERVICE_NAME"] = "otel-probe",
                ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=probe-1",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
                ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
                // Longer than the test: the metrics that arrive prove the flush at shutdown.
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "600000",
            });

        (await app.Client.GetAsync("/health")).EnsureSuccessStatusCode();
        (await app.Client.GetAsync("/alive")).EnsureSuccessStatusCode();
        (await app.Client.GetAsync("/lookups/42")).EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(() => collector.Spans.Any(s => s.Name == "GET /lookups/{id}"), Patience, "the request span is exported");
        var span = collector.Spans.Single(s => s.Name == "GET /lookups/{id}");
        span.Scope.ShouldBe("Microsoft.AspNetCore");
        span.Resource["service.name"].ShouldBe("otel-probe");
        span.Resource["service.instance.id"].ShouldBe("probe-1");

        await Eventually.HoldsAsync(() => collector.Logs.Any(l => l.Body.Contains("Looked up", StringComparison.Ordinal)), Patience, "the log record is exported");
        var log = collector.Logs.First(l => l.Body.Contains("Looked up", StringComparison.Ordinal));
        log.TraceId.ShouldBe(span.TraceId, "a log written during a request carries the request's trace id");
        log.Resource["service.name"].ShouldBe("otel-probe");

        await app.StopAsync();

        collector.RequestsFor("metrics").ShouldNotBeEmpty("the final metrics are flushed when the host stops");
        collector.Metrics.Select(m => m.Name).ShouldContain("http.server.request.duration");
        collector.Metrics.Select(m => m.Name).ShouldContain("kestrel.active_connections");

        collector.Requests.ShouldAllBe(r => r.ContentType == "application/x-protobuf");
        collector.Requests.ShouldAllBe(r => r.Headers["x-otlp-api-key"] == "probe-key");
        collector.Spans.Select(s => s.Name).ShouldNotContain("GET /health", "probes are not exported");
        collector.Spans.Select(s => s.Name).ShouldNotContain("GET /alive", "probes are not exported");
        // HttpClient spans are seen process-wide, so other tests' calls may be exported too: look only at the collector's.
        collector.Spans.Where(s => s.Attributes.GetValueOrDefault("url.full", "").Contains(collector.Endpoint.Authority, StringComparison.Ordinal))
            .ShouldBeEmpty("the exporter's own POSTs are not traced");
        collector.Spans.Select(s => s.Name).ShouldNotContain(HttpServerSpans.RequestActivityName, "every server span is renamed");
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_sent()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var app = await TestApp.StartAsync(SampleApi.Map);

        (await app.Client.GetAsync("/things/1")).EnsureSuccessStatusCode();
        await app.StopAsync();

        collector.Requests.ShouldBeEmpty();
    }
}
