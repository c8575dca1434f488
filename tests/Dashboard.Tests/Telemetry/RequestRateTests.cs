using Outreach.Dashboard.Otlp.Proto.Metrics.V1;
using Outreach.Dashboard.Tests.Otlp;
using Outreach.Dashboard.Tests.Support;
using static Outreach.Dashboard.Tests.Otlp.OtlpPayloads;

namespace Outreach.Dashboard.Tests.Telemetry;

/// <summary>A request-duration histogram's count per second is the route's request rate, shown in the table view.</summary>
public sealed class RequestRateTests
{
    [Fact]
    public async Task The_table_shows_a_histograms_measurements_per_second_between_two_exports()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient();
        // Cumulative: 100 requests by 10 s, 300 by 20 s, so 20 requests per second in between.
        (await client.PostProtobufAsync("/v1/metrics", Metrics(Resource("seat-service"), "Microsoft.AspNetCore.Hosting", Duration(100, TimeSpan.FromSeconds(10))))).EnsureSuccessStatusCode();
        (await client.PostProtobufAsync("/v1/metrics", Metrics(Resource("seat-service"), "Microsoft.AspNetCore.Hosting", Duration(300, TimeSpan.FromSeconds(20))))).EnsureSuccessStatusCode();

        var page = await client.GetStringAsync("/metrics?resource=seat-service&meter=Microsoft.AspNetCore.Hosting&instrument=http.server.request.duration");

        page.ShouldContain("<th scope=\"col\">Per second</th>");
        page.ShouldContain("<td class=\"num\">300</td><td class=\"num\">20</td>");
    }

    private static Metric Duration(long count, TimeSpan at)
    {
        var point = new HistogramDataPoint { StartTimeUnixNano = Nanos(BaseTime), TimeUnixNano = Nanos(BaseTime + at), Count = (ulong)count, Sum = count * 5.0 };
        point.ExplicitBounds.Add([10, 100]);
        point.BucketCounts.Add([(ulong)count, 0, 0]);
        var histogram = new Histogram { AggregationTemporality = AggregationTemporality.Cumulative };
        histogram.DataPoints.Add(point);
        return new Metric { Name = "http.server.request.duration", Unit = "ms", Histogram = histogram };
    }
}
