using System.Net;
using Outreach.Dashboard.Otlp.Proto.Logs.V1;
using Outreach.Dashboard.Tests.Otlp;
using Outreach.Dashboard.Tests.Support;
using static Outreach.Dashboard.Tests.Otlp.OtlpPayloads;

namespace Outreach.Dashboard.Tests.Telemetry;

/// <summary>The configured limits hold per resource, the oldest item going first, and the error badge follows evictions.</summary>
public sealed class StoreLimitsTests
{
    [Fact]
    public async Task Logs_beyond_the_limit_evict_the_oldest_and_the_error_count_follows()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync(o => o.TelemetryLimits.MaxLogCount = 3);
        using var client = dashboard.CreateClient(authenticated: false);
        var records = new[]
        {
            Log(SeverityNumber.Error, "first, an error"),
            Log(SeverityNumber.Info, "second"),
            Log(SeverityNumber.Error, "third, an error"),
        };
        (await client.PostProtobufAsync("/v1/logs", Logs(Resource("seat-service"), records))).StatusCode.ShouldBe(HttpStatusCode.OK);
        dashboard.Telemetry().ErrorLogCount("seat-service").ShouldBe(2);

        (await client.PostProtobufAsync("/v1/logs", Logs(Resource("seat-service"), Log(SeverityNumber.Info, "fourth"), Log(SeverityNumber.Info, "fifth")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var repository = dashboard.Telemetry();
        repository.GetLogs(new(Resource: "seat-service")).Logs.Select(l => l.Message).ShouldBe(["fifth", "fourth", "third, an error"]);
        repository.ErrorLogCount("seat-service").ShouldBe(1);
    }

    [Fact]
    public async Task Traces_beyond_the_limit_evict_the_oldest_per_resource_without_touching_another_resource()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync(o => o.TelemetryLimits.MaxTraceCount = 2);
        using var client = dashboard.CreateClient();
        var quietTrace = NewTraceId();
        await client.PostProtobufAsync("/v1/traces", Traces(Resource("identity-service"), Span(quietTrace, NewSpanId(), null, "quiet", TimeSpan.Zero, TimeSpan.FromMilliseconds(1))));
        var busy = Enumerable.Range(0, 4).Select(_ => NewTraceId()).ToList();
        foreach (var (traceId, i) in busy.Select((t, i) => (t, i)))
        {
            var root = NewSpanId();
            await client.PostProtobufAsync("/v1/traces", Traces(
                Resource("seat-service"),
                Span(traceId, root, null, $"busy {i}", TimeSpan.FromSeconds(i), TimeSpan.FromMilliseconds(5)),
                Span(traceId, NewSpanId(), root, $"busy {i} child", TimeSpan.FromSeconds(i), TimeSpan.FromMilliseconds(2))));
        }

        var repository = dashboard.Telemetry();
        repository.TraceCount("seat-service").ShouldBe(2);
        repository.GetTraces(new(Resource: "seat-service")).Traces.Select(t => t.Name).ShouldBe(["busy 3", "busy 2"]);
        repository.GetTrace(quietTrace).ShouldNotBeNull();
        using var evicted = await client.GetAsync($"/api/telemetry/traces/{busy[0]}");
        evicted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Metric_points_beyond_the_limit_evict_the_oldest_point_over_all_series()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync(o => o.TelemetryLimits.MaxMetricPointCount = 3);
        using var client = dashboard.CreateClient(authenticated: false);
        for (var second = 1; second <= 5; second++)
        {
            var counter = Counter("requests", (second * 10, TimeSpan.FromSeconds(second), [Attribute("route", second % 2 == 0 ? "/even" : "/odd")]));
            await client.PostProtobufAsync("/v1/metrics", Metrics(Resource("seat-service"), "meter", counter));
        }

        var repository = dashboard.Telemetry();
        repository.MetricPointCount("seat-service").ShouldBe(3);
        var kept = repository.GetInstrument("seat-service", "meter", "requests")!.Series.SelectMany(s => s.Points).Select(p => p.Value).Order();
        kept.ShouldBe([30d, 40d, 50d]);
    }
}
