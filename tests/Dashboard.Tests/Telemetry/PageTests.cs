using System.Net;
using Outreach.Dashboard.Otlp.Proto.Logs.V1;
using Outreach.Dashboard.Tests.Otlp;
using Outreach.Dashboard.Tests.Support;
using static Outreach.Dashboard.Tests.Otlp.OtlpPayloads;

namespace Outreach.Dashboard.Tests.Telemetry;

/// <summary>The pages render what was ingested, filtered by their query strings, with labelled filters.</summary>
public sealed class PageTests
{
    [Fact]
    public async Task Structured_logs_filter_by_resource_minimum_level_text_and_attribute_and_link_to_the_trace()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient();
        var traceId = NewTraceId();
        await client.PostProtobufAsync("/v1/logs", Logs(Resource("seat-service"),
            Log(SeverityNumber.Error, "Seat <b>7</b> could not be suspended", traceId, Attribute("seat_id", "7")),
            Log(SeverityNumber.Warn, "Seat 8 is close to its limit", null, Attribute("seat_id", "8")),
            Log(SeverityNumber.Info, "Seat 9 added")));
        await client.PostProtobufAsync("/v1/logs", Logs(Resource("identity-service"), Log(SeverityNumber.Error, "Identity login failed")));

        var errors = await client.GetStringAsync("/structuredlogs?resource=seat-service&level=Error");
        errors.ShouldContain("Seat &lt;b&gt;7&lt;/b&gt; could not be suspended");
        errors.ShouldContain($"href=\"/traces/{traceId}\"");
        errors.ShouldContain("class=\"level-Error\"");
        errors.ShouldNotContain("Seat 8 is close");
        errors.ShouldNotContain("Identity login failed");

        var warningsAndUp = await client.GetStringAsync("/structuredlogs?level=Warning");
        warningsAndUp.ShouldContain("Seat 8 is close");
        warningsAndUp.ShouldContain("Identity login failed");
        warningsAndUp.ShouldNotContain("Seat 9 added");

        (await client.GetStringAsync("/structuredlogs?text=CLOSE+TO")).ShouldContain("Seat 8 is close");
        (await client.GetStringAsync("/structuredlogs?text=CLOSE+TO")).ShouldNotContain("Seat 9 added");
        var byAttribute = await client.GetStringAsync("/structuredlogs?attr=seat_id%3D8");
        byAttribute.ShouldContain("Seat 8 is close");
        byAttribute.ShouldNotContain("could not be suspended");

        foreach (var field in new[] { "resource", "level", "text", "attr" })
        {
            errors.ShouldContain($"<label for=\"{field}\">");
        }
    }

    [Fact]
    public async Task The_trace_list_pages_newest_first_and_the_detail_shows_waterfall_attributes_events_and_logs()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient();
        var ids = Enumerable.Range(0, 105).Select(_ => NewTraceId()).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            await client.PostProtobufAsync("/v1/traces", Traces(Resource("seat-service"), Span(ids[i], NewSpanId(), null, $"GET /user-list #{i:000}", TimeSpan.FromSeconds(i), TimeSpan.FromMilliseconds(4))));
        }

        var first = await client.GetStringAsync("/traces");
        first.ShouldContain("GET /user-list #104");
        first.ShouldContain("GET /user-list #005");
        first.ShouldNotContain("GET /user-list #004");
        first.IndexOf("#104", StringComparison.Ordinal).ShouldBeLessThan(first.IndexOf("#103", StringComparison.Ordinal));
        first.ShouldContain("page=2");
        var second = await client.GetStringAsync("/traces?page=2");
        second.ShouldContain("GET /user-list #004");
        second.ShouldNotContain("GET /user-list #005");

        var traceId = NewTraceId();
        var root = NewSpanId();
        var child = Span(traceId, NewSpanId(), root, "seatsdb UPDATE", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), Attribute("db.system", "postgresql"));
        child.Events.Add(new Outreach.Dashboard.Otlp.Proto.Trace.V1.Span.Types.Event { Name = "retrying after deadlock", TimeUnixNano = child.StartTimeUnixNano + 1000 });
        await client.PostProtobufAsync("/v1/traces", Traces(Resource("seat-service"), Span(traceId, root, null, "POST /seats", TimeSpan.Zero, TimeSpan.FromMilliseconds(40)), child));
        await client.PostProtobufAsync("/v1/logs", Logs(Resource("seat-service"), Log(SeverityNumber.Warn, "Deadlock on seat 3, retried", traceId)));

        var detail = await client.GetStringAsync($"/traces/{traceId}");
        detail.ShouldContain("class=\"waterfall\"");
        detail.ShouldContain("left:25%;width:50%");
        detail.ShouldContain("seatsdb UPDATE");
        detail.ShouldContain("db.system");
        detail.ShouldContain("postgresql");
        detail.ShouldContain("retrying after deadlock");
        detail.ShouldContain("Deadlock on seat 3, retried");
        detail.ShouldContain("class=\"legend\"");
        detail.ShouldContain("<details>");

        using var unknown = await client.GetAsync($"/traces/{NewTraceId()}");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Metrics_page_shows_the_instrument_tree_a_chart_and_the_table_narrowed_by_a_dimension()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient();
        var routes = new[] { Attribute("http.route", "/user-list") };
        var admin = new[] { Attribute("http.route", "/admin/accounts") };
        await client.PostProtobufAsync("/v1/metrics", Metrics(Resource("seat-service"), "Microsoft.AspNetCore.Hosting",
            Counter("http.server.requests", (10, TimeSpan.FromSeconds(10), routes), (4, TimeSpan.FromSeconds(10), admin))));
        await client.PostProtobufAsync("/v1/metrics", Metrics(Resource("seat-service"), "Microsoft.AspNetCore.Hosting",
            Counter("http.server.requests", (30, TimeSpan.FromSeconds(20), routes), (6, TimeSpan.FromSeconds(20), admin)),
            Histogram("http.server.request.duration", 50, 40, 10, 3000, Attribute("http.route", "/user-list"))));
        await client.PostProtobufAsync("/v1/metrics", Metrics(Resource("seat-service"), "Microsoft.AspNetCore.Hosting",
            Counter("http.server.requests", (60, TimeSpan.FromSeconds(30), routes), (8, TimeSpan.FromSeconds(30), admin))));
        await client.PostProtobufAsync("/v1/metrics", Metrics(Resource("seat-service"), "Outreach.EventSourcing",
            Counter("eventstore.appends", (1, TimeSpan.FromSeconds(5), []))));

        var tree = await client.GetStringAsync("/metrics?resource=seat-service");
        tree.ShouldContain("Microsoft.AspNetCore.Hosting");
        tree.ShouldContain("Outreach.EventSourcing");
        tree.ShouldContain("instrument=http.server.request.duration");

        var counter = await client.GetStringAsync("/metrics?resource=seat-service&meter=Microsoft.AspNetCore.Hosting&instrument=http.server.requests");
        counter.ShouldContain("<svg class=\"chart\"");
        counter.ShouldContain("<polyline");
        counter.ShouldContain("rate per second");
        counter.ShouldContain("/admin/accounts");
        // Per second between the last two exports: (60 − 30) / 10 s on /user-list.
        counter.ShouldContain("<td class=\"num\">60</td><td class=\"num\">3</td>");

        var narrowed = await client.GetStringAsync("/metrics?resource=seat-service&meter=Microsoft.AspNetCore.Hosting&instrument=http.server.requests&filter=http.route%3D%2Fuser-list");
        narrowed.ShouldContain("<td>/user-list</td>");
        narrowed.ShouldNotContain("<td>/admin/accounts</td>");
        narrowed.ShouldContain("<label for=\"filter-0\">http.route");

        var histogram = await client.GetStringAsync("/metrics?resource=seat-service&meter=Microsoft.AspNetCore.Hosting&instrument=http.server.request.duration");
        foreach (var column in new[] { "Count", "Sum", "p50", "p95", "p99" })
        {
            histogram.ShouldContain($"<th scope=\"col\">{column}</th>");
        }

        // 100 values: 50 in (0, 10], 40 in (10, 100], 10 above: the median is the top of the first bucket.
        histogram.ShouldContain("<td class=\"num\">100</td><td class=\"num\"></td><td class=\"num\">3,000</td><td class=\"num\">10</td>");
    }
}
