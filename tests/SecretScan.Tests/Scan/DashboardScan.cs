using System.Text.Json;

namespace Outreach.SecretScan.Tests.Scan;

/// <summary>
/// What the dashboard holds and shows: every structured log, every span of every trace and every metric point the
/// services exported (through its /api/telemetry routes), the resources with their environment and health, the
/// console answers, the event-stream and dead-letter answers, and each resource's details page.
/// </summary>
public static class DashboardScan
{
    public static async Task RunAsync(ScanReport report, HttpClient dashboard, IReadOnlyList<string> resources)
    {
        foreach (var log in await ArrayAsync(dashboard, "/api/telemetry/logs?limit=10000", "logs"))
            report.Scan("dashboard structured logs", log.GetRawText());

        var traces = await ArrayAsync(dashboard, "/api/telemetry/traces?limit=10000", "traces");
        report.Touch("dashboard spans");
        foreach (var trace in traces)
        {
            var id = trace.GetProperty("trace_id").GetString()!;
            using var answer = await dashboard.GetAsync($"/api/telemetry/traces/{id}");
            if (answer.StatusCode == System.Net.HttpStatusCode.NotFound)
                continue; // evicted between the list and the read
            answer.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            foreach (var span in body.RootElement.GetProperty("spans").EnumerateArray())
                report.Scan("dashboard spans", span.GetRawText());
        }

        foreach (var instrument in await ArrayAsync(dashboard, "/api/telemetry/metrics", "instruments"))
            report.Scan("dashboard metrics", instrument.GetRawText());

        await TextAsync(report, dashboard, "dashboard api resources", "/api/resources");
        foreach (var resource in resources)
        {
            await TextAsync(report, dashboard, "dashboard api resources", $"/api/resources/{resource}");
            await TextAsync(report, dashboard, "dashboard api console", $"/api/resources/{resource}/console");
            await TextAsync(report, dashboard, "dashboard pages", $"/resources/{resource}");
        }
        await TextAsync(report, dashboard, "dashboard api events", "/api/events");
        await TextAsync(report, dashboard, "dashboard api events", "/api/events/subscriptions");
        await TextAsync(report, dashboard, "dashboard api dead letters", "/api/deadletters");
        foreach (var page in new[] { "/", "/structuredlogs", "/traces", "/metrics", "/events" })
            await TextAsync(report, dashboard, "dashboard pages", page);
    }

    private static async Task<IReadOnlyList<JsonElement>> ArrayAsync(HttpClient dashboard, string path, string property)
    {
        using var answer = await dashboard.GetAsync(path);
        answer.EnsureSuccessStatusCode();
        var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        return [.. body.GetProperty(property).EnumerateArray()];
    }

    private static async Task TextAsync(ScanReport report, HttpClient dashboard, string place, string path)
    {
        using var answer = await dashboard.GetAsync(path);
        // A page that answers 4xx still showed something; only what it showed matters here.
        report.Scan(place, await answer.Content.ReadAsStringAsync());
    }
}
