using System.Net;
using System.Text;
using System.Text.Json;

namespace Outreach.Dashboard.Tests.Browser;

/// <summary>How the AppHost connects its dashboard: what every service is told, and what apphost.json says.</summary>
[Collection(DashboardSystemSuite.Name)]
public sealed class AppHostWiringTests(DashboardSystemFixture system)
{
    [Theory]
    [InlineData(DashboardSystemFixture.SeatService)]
    [InlineData(DashboardSystemFixture.IdentityService)]
    [InlineData(DashboardSystemFixture.InvitationService)]
    [InlineData(DashboardSystemFixture.LinkedInSandbox)]
    public void Every_service_exports_to_the_dashboard_over_http_protobuf_with_the_otlp_key(string service)
    {
        var environment = EnvironmentOf(system.App.ResourceNotifications.GetSnapshot(service)!.Pid!.Value);

        environment["OTEL_EXPORTER_OTLP_ENDPOINT"].TrimEnd('/').ShouldBe(system.DashboardUrl.ToString().TrimEnd('/'));
        environment["OTEL_EXPORTER_OTLP_PROTOCOL"].ShouldBe("http/protobuf");
        environment["OTEL_EXPORTER_OTLP_HEADERS"].ShouldMatch("^x-otlp-api-key=[A-Za-z0-9]{32}$");
    }

    [Fact]
    public async Task Telemetry_without_the_otlp_key_is_refused()
    {
        using var client = new HttpClient { BaseAddress = system.DashboardUrl };
        using var content = new ByteArrayContent([]);
        content.Headers.ContentType = new("application/x-protobuf");

        using var response = await client.PostAsync("/v1/traces", content);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Apphost_json_names_the_dashboard_and_its_login_link()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(system.App.StateFile.Path));
        var dashboard = document.RootElement.GetProperty("dashboard");

        dashboard.GetProperty("url").GetString().ShouldBe(system.DashboardUrl.ToString().TrimEnd('/'));
        dashboard.GetProperty("login_url").GetString().ShouldBe(system.LoginUrl);
        system.DashboardUrl.Host.ShouldBe("127.0.0.1", "the dashboard binds to loopback");
    }

    private static Dictionary<string, string> EnvironmentOf(int pid) =>
        Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid}/environ"))
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
}
