using System.Net;
using System.Text.Json;
using Outreach.Dashboard.Otlp.Proto.Logs.V1;
using Outreach.Dashboard.Tests.Otlp;
using Outreach.Dashboard.Tests.Support;
using static Outreach.Dashboard.Tests.Otlp.OtlpPayloads;

namespace Outreach.Dashboard.Tests.Telemetry;

/// <summary>The JSON API's shapes (snake_case), its filters and limits, and its refusals.</summary>
public sealed class ApiTests
{
    [Fact]
    public async Task Traces_api_lists_newest_first_with_snake_case_fields_and_honours_resource_and_limit()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient();
        var older = NewTraceId();
        var newer = NewTraceId();
        var other = NewTraceId();
        await client.PostProtobufAsync("/v1/traces", Traces(Resource("seat-service"), Span(older, NewSpanId(), null, "older", TimeSpan.Zero, TimeSpan.FromMilliseconds(12.5))));
        await client.PostProtobufAsync("/v1/traces", Traces(Resource("seat-service"), Span(newer, NewSpanId(), null, "newer", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1))));
        await client.PostProtobufAsync("/v1/traces", Traces(Resource("identity-service"), Span(other, NewSpanId(), null, "other", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(1))));

        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/telemetry/traces?resource=seat-service"));
        all.RootElement.GetProperty("total").GetInt32().ShouldBe(2);
        var traces = all.RootElement.GetProperty("traces").EnumerateArray().ToList();
        traces.Select(t => t.GetProperty("name").GetString()).ShouldBe(["newer", "older"]);
        var oldest = traces[1];
        oldest.GetProperty("trace_id").GetString().ShouldBe(older);
        oldest.GetProperty("duration_ms").GetDouble().ShouldBe(12.5);
        oldest.GetProperty("span_count").GetInt32().ShouldBe(1);
        oldest.GetProperty("start_time").GetDateTimeOffset().ShouldBe(BaseTime);
        oldest.GetProperty("resources").EnumerateArray().Single().GetString().ShouldBe("seat-service");

        using var limited = JsonDocument.Parse(await client.GetStringAsync("/api/telemetry/traces?limit=1"));
        limited.RootElement.GetProperty("traces").EnumerateArray().Single().GetProperty("trace_id").GetString().ShouldBe(other);

        using var badLimit = await client.GetAsync("/api/telemetry/traces?limit=0");
        badLimit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Trace_api_answers_spans_with_attributes_and_an_unknown_trace_is_404_problem_json()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient();
        var traceId = NewTraceId();
        var spanId = NewSpanId();
        await client.PostProtobufAsync("/v1/traces", Traces(Resource("seat-service", "seat-service-2"), Span(traceId, spanId, null, "GET /user-list", TimeSpan.Zero, TimeSpan.FromMilliseconds(3), Attribute("http.route", "/user-list"))));

        using var trace = JsonDocument.Parse(await client.GetStringAsync($"/api/telemetry/traces/{traceId.ToUpperInvariant()}"));
        var span = trace.RootElement.GetProperty("spans").EnumerateArray().Single();
        span.GetProperty("span_id").GetString().ShouldBe(spanId);
        span.GetProperty("parent_span_id").ValueKind.ShouldBe(JsonValueKind.Null);
        span.GetProperty("resource").GetString().ShouldBe("seat-service");
        span.GetProperty("instance").GetString().ShouldBe("seat-service-2");
        span.GetProperty("attributes").GetProperty("http.route").GetString().ShouldBe("/user-list");
        span.GetProperty("duration_ms").GetDouble().ShouldBe(3);

        using var missing = await client.GetAsync($"/api/telemetry/traces/{NewTraceId()}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Logs_api_filters_by_resource_and_minimum_level_and_refuses_an_unknown_level()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient();
        var traceId = NewTraceId();
        await client.PostProtobufAsync("/v1/logs", Logs(Resource("seat-service"),
            Log(SeverityNumber.Error, "boom", traceId, Attribute("seat_id", "3")),
            Log(SeverityNumber.Info, "fine")));
        await client.PostProtobufAsync("/v1/logs", Logs(Resource("identity-service"), Log(SeverityNumber.Fatal, "elsewhere")));

        using var errors = JsonDocument.Parse(await client.GetStringAsync("/api/telemetry/logs?resource=seat-service&level=error"));
        var log = errors.RootElement.GetProperty("logs").EnumerateArray().ShouldHaveSingleItem();
        log.GetProperty("message").GetString().ShouldBe("boom");
        log.GetProperty("level").GetString().ShouldBe("Error");
        log.GetProperty("resource").GetString().ShouldBe("seat-service");
        log.GetProperty("trace_id").GetString().ShouldBe(traceId);
        log.GetProperty("attributes").GetProperty("seat_id").GetString().ShouldBe("3");
        log.GetProperty("time").GetDateTimeOffset().ShouldBe(BaseTime);

        using var limited = JsonDocument.Parse(await client.GetStringAsync("/api/telemetry/logs?limit=1"));
        limited.RootElement.GetProperty("total").GetInt32().ShouldBe(3);
        limited.RootElement.GetProperty("logs").EnumerateArray().Single().GetProperty("message").GetString().ShouldBe("elsewhere");

        using var bad = await client.GetAsync("/api/telemetry/logs?level=loud");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("level");
    }

    [Fact]
    public async Task Metrics_api_answers_each_instrument_with_its_latest_point_per_dimension_set()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient();
        await client.PostProtobufAsync("/v1/metrics", Metrics(Resource("seat-service"), "Microsoft.AspNetCore.Hosting",
            Counter("requests", (5, TimeSpan.FromSeconds(1), [Attribute("http.route", "/user-list")])),
            Histogram("http.server.request.duration", 50, 40, 10, 3000)));
        await client.PostProtobufAsync("/v1/metrics", Metrics(Resource("seat-service"), "Microsoft.AspNetCore.Hosting",
            Counter("requests", (9, TimeSpan.FromSeconds(2), [Attribute("http.route", "/user-list")]))));
        await client.PostProtobufAsync("/v1/metrics", Metrics(Resource("identity-service"), "other", Counter("elsewhere", (1, TimeSpan.FromSeconds(1), []))));

        using var metrics = JsonDocument.Parse(await client.GetStringAsync("/api/telemetry/metrics?resource=seat-service"));
        var instruments = metrics.RootElement.GetProperty("instruments").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        instruments.Keys.Order(StringComparer.Ordinal).ShouldBe(["http.server.request.duration", "requests"]);
        var requests = instruments["requests"];
        (requests.GetProperty("meter").GetString(), requests.GetProperty("kind").GetString(), requests.GetProperty("temporality").GetString())
            .ShouldBe(("Microsoft.AspNetCore.Hosting", "Sum", "cumulative"));
        var point = requests.GetProperty("points").EnumerateArray().Single();
        point.GetProperty("value").GetDouble().ShouldBe(9);
        point.GetProperty("dimensions").GetProperty("http.route").GetString().ShouldBe("/user-list");
        var latency = instruments["http.server.request.duration"].GetProperty("points").EnumerateArray().Single();
        latency.GetProperty("count").GetInt64().ShouldBe(100);
        latency.GetProperty("sum").GetDouble().ShouldBe(3000);
        latency.GetProperty("p50").GetDouble().ShouldBe(10);
        // The top 10 % lie above the last bound and no max was sent: the estimate cannot go past that bound.
        latency.GetProperty("p99").GetDouble().ShouldBe(100);
    }
}
