using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Dashboard.Tests.Otlp;
using Outreach.Dashboard.Tests.Support;
using static Outreach.Dashboard.Tests.Otlp.OtlpPayloads;

namespace Outreach.Dashboard.Tests.Telemetry;

/// <summary>
/// A seat suspension as the services export it: seat-service's request and publish, then identity- and
/// invitation-service consuming, each exporting its own part. The list and the detail show one trace over all three.
/// </summary>
public sealed class CrossResourceTraceTests
{
    [Fact]
    public async Task A_trace_exported_in_parts_by_three_resources_is_one_trace_that_lists_them_all()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient();
        var traceId = NewTraceId();
        var (request, publish, identity, invitation) = (NewSpanId(), NewSpanId(), NewSpanId(), NewSpanId());
        await client.PostProtobufAsync("/v1/traces", Traces(Resource("seat-service", "seat-service-1"),
            Span(traceId, request, null, "POST /functions/v1/api-user-management", TimeSpan.Zero, TimeSpan.FromMilliseconds(30)),
            Span(traceId, publish, request, "seat-suspended send", TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(5))));
        await client.PostProtobufAsync("/v1/traces", Traces(Resource("identity-service"),
            Span(traceId, identity, publish, "identity-service-seat-suspended receive", TimeSpan.FromMilliseconds(28), TimeSpan.FromMilliseconds(12))));
        await client.PostProtobufAsync("/v1/traces", Traces(Resource("invitation-service"),
            Span(traceId, invitation, publish, "invitation-service-seat-suspended receive", TimeSpan.FromMilliseconds(29), TimeSpan.FromMilliseconds(8))));

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/telemetry/traces"));
        var only = list.RootElement.GetProperty("traces").EnumerateArray().ShouldHaveSingleItem();
        only.GetProperty("trace_id").GetString().ShouldBe(traceId);
        only.GetProperty("name").GetString().ShouldBe("POST /functions/v1/api-user-management");
        only.GetProperty("resources").EnumerateArray().Select(r => r.GetString()).ShouldBe(["seat-service", "identity-service", "invitation-service"]);
        only.GetProperty("span_count").GetInt32().ShouldBe(4);
        only.GetProperty("duration_ms").GetDouble().ShouldBe(40);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/telemetry/traces/{traceId}");
        detail.GetProperty("spans").EnumerateArray().Select(s => (s.GetProperty("resource").GetString(), s.GetProperty("depth").GetInt32()))
            .ShouldBe([("seat-service", 0), ("seat-service", 1), ("identity-service", 2), ("invitation-service", 2)]);

        var page = await client.GetStringAsync("/traces");
        page.ShouldContain("seat-service-1");
        page.ShouldContain("identity-service");
        page.ShouldContain("invitation-service");
        var filtered = await client.GetStringAsync("/traces?resource=invitation-service");
        filtered.ShouldContain($"/traces/{traceId}");
        var other = await client.GetStringAsync("/traces?resource=linkedin-sandbox");
        other.ShouldNotContain($"/traces/{traceId}");
    }
}
