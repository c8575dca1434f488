using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Store;
using Outreach.Dashboard.Tests.Support;
using Outreach.Dashboard.Tests.Telemetry;

namespace Outreach.Dashboard.Tests.Otlp;

/// <summary>
/// The .NET OpenTelemetry SDK's own OTLP exporter (1.15.3, http/protobuf), as every service exports, sending to the
/// receiver with the API key in its headers: what it sends must land, spans nested, logs linked to their trace.
/// </summary>
public sealed class RealExporterTests
{
    private const string ApiKey = "exporter-test-key";

    [Fact]
    public async Task Spans_logs_and_metrics_from_the_real_otlp_exporter_are_stored()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync(o => o.OtlpApiKey = ApiKey);
        var resource = ResourceBuilder.CreateEmpty().AddService("exporter-service", serviceInstanceId: "exporter-service-2");
        using var source = new ActivitySource("Outreach.Tests.RealExporter");
        using var meter = new Meter("Outreach.Tests.RealExporter.Meter");
        string traceId;
        string childSpanId;

        using (var tracing = Sdk.CreateTracerProviderBuilder()
                   .SetResourceBuilder(resource)
                   .AddSource(source.Name)
                   .AddOtlpExporter(o => Configure(o, dashboard, "v1/traces"))
                   .Build())
        using (var logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
               {
                   o.SetResourceBuilder(resource);
                   o.IncludeFormattedMessage = true;
                   o.AddOtlpExporter(e => Configure(e, dashboard, "v1/logs"));
               })))
        {
            using (var parent = source.StartActivity("suspend seat", ActivityKind.Server)!)
            {
                traceId = parent.TraceId.ToHexString();
                using var child = source.StartActivity("publish SeatSuspended", ActivityKind.Producer)!;
                childSpanId = child.SpanId.ToHexString();
                child.SetTag("messaging.destination.name", "seat-suspended");
                logging.CreateLogger("Outreach.Tests.Seats").LogWarning("Seat {SeatId} suspended by {Actor}", 17, "operator");
            }

            tracing.ForceFlush(10_000).ShouldBeTrue();
        }

        using (var metrics = Sdk.CreateMeterProviderBuilder()
                   .SetResourceBuilder(resource)
                   .AddMeter(meter.Name)
                   .AddOtlpExporter(o => Configure(o, dashboard, "v1/metrics"))
                   .Build())
        {
            meter.CreateCounter<long>("seats.suspended").Add(3, new KeyValuePair<string, object?>("reason", "billing"));
            meter.CreateHistogram<double>("suspend.duration", unit: "ms").Record(12.5);
            metrics.ForceFlush(10_000).ShouldBeTrue();
        }

        var repository = dashboard.Telemetry();
        var trace = repository.GetTrace(traceId).ShouldNotBeNull();
        trace.Summary.Name.ShouldBe("suspend seat");
        trace.Spans.Select(r => (r.Span.Name, r.Depth)).ShouldBe([("suspend seat", 0), ("publish SeatSuspended", 1)]);
        trace.Spans[1].Span.Kind.ShouldBe("Producer");
        trace.Summary.Sources.ShouldBe([new TelemetrySource("exporter-service", "exporter-service-2")]);

        var log = repository.GetLogs(new LogQuery(Resource: "exporter-service")).Logs.Single();
        (log.Level, log.Message, log.TraceId, log.SpanId).ShouldBe((LogLevel.Warning, "Seat 17 suspended by operator", traceId, childSpanId));
        AttributePair.Find(log.Attributes, "SeatId").ShouldBe("17");

        var counter = repository.GetInstrument("exporter-service", meter.Name, "seats.suspended").ShouldNotBeNull();
        counter.Series.Single().Latest!.Value.ShouldBe(3);
        counter.Series.Single().Dimensions.ShouldBe([new AttributePair("reason", "billing")]);
        var histogram = repository.GetInstrument("exporter-service", meter.Name, "suspend.duration").ShouldNotBeNull();
        (histogram.Series.Single().Latest!.Count, histogram.Series.Single().Latest!.Sum).ShouldBe((1L, 12.5));
    }

    private static void Configure(OtlpExporterOptions options, StandaloneDashboard dashboard, string path)
    {
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(dashboard.BaseAddress, path);
        options.Headers = $"x-otlp-api-key={ApiKey}";
    }
}
