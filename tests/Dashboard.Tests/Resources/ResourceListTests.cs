using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Dashboard.Resources;
using Outreach.Dashboard.Tests.Support;

namespace Outreach.Dashboard.Tests.Resources;

/// <summary>What the Resources page and API make of the resource service's answers (the system-level pages are in Browser/).</summary>
public sealed class ResourceListTests
{
    private static DashboardResource Instance(string name, string resource, string state = "Running", string? health = "Healthy", int? pid = 100) =>
        new(name, resource, "Project", state, health, DateTimeOffset.UtcNow, 0, [$"http://127.0.0.1:1{pid}"], pid, null, null, new Dictionary<string, string>());

    [Fact]
    public async Task Replicas_are_listed_one_row_each_and_an_unhealthy_one_says_so()
    {
        var resources = new FixedResourceService([Instance("seat-service-0", "seat-service", pid: 101), Instance("seat-service-1", "seat-service", health: "Unhealthy", pid: 102)]);
        await using var dashboard = await StandaloneDashboard.StartAsync(resources: resources);
        using var client = dashboard.CreateClient();

        var html = await client.GetStringAsync("/");

        html.ShouldContain("data-resource=\"seat-service-0\"");
        html.ShouldContain("data-resource=\"seat-service-1\"");
        html.ShouldContain("Running (Unhealthy)");
        var api = await client.GetFromJsonAsync<JsonElement>("/api/resources");
        api.EnumerateArray().Select(r => r.GetProperty("state_text").GetString()).ShouldBe(["Running", "Running (Unhealthy)"]);
    }

    [Fact]
    public async Task A_command_reaches_the_resource_service_and_a_bad_one_is_a_problem_naming_it()
    {
        var resources = new FixedResourceService([Instance("seat-service", "seat-service")]);
        await using var dashboard = await StandaloneDashboard.StartAsync(resources: resources);
        using var client = dashboard.CreateClient();

        (await client.PostAsync("/api/resources/seat-service/commands/restart", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var bad = await client.PostAsync("/api/resources/seat-service/commands/explode", null);
        using var unknown = await client.PostAsync("/api/resources/nobody/commands/stop", null);

        resources.Commands.ShouldBe([("seat-service", "restart")]);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("command", out _).ShouldBeTrue();
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("ConnectionStrings__seatsdb", "Host=h;Port=1;Username=u;Password=s3cr3t;Database=d", "Host=h;Port=1;Username=u;Password=••••••••;Database=d")]
    [InlineData("ConnectionStrings__rabbitmq", "amqp://outreach:s3cr3t@127.0.0.1:5672", "amqp://outreach:••••••••@127.0.0.1:5672")]
    [InlineData("Operator__Token", "s3cr3t", "••••••••")]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS", "x-otlp-api-key=s3cr3t", "••••••••")]
    [InlineData("Sandbox__CheckpointCode", "2fa-5e1f2a3b4c5d", "••••••••")]
    [InlineData("OTP_CODE", "918273", "••••••••")]
    [InlineData("DOTNET_SYSTEM_TEXT_ENCODING", "utf-8", "utf-8")]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:5000", "http://127.0.0.1:5000")]
    public void Secrets_in_the_environment_are_masked_and_the_rest_stays_readable(string name, string value, string shown) =>
        EnvironmentMasking.MaskValue(name, value).ShouldBe(shown);
}

public sealed class ErrorBadgeTests
{
    [Fact]
    public async Task A_resource_with_error_logs_gets_a_badge_linking_to_its_errors_and_one_without_gets_none()
    {
        var resources = new FixedResourceService([
            new DashboardResource("seat-service", "seat-service", "Project", "Running", "Healthy", DateTimeOffset.UtcNow, 0, [], 1, null, null, new Dictionary<string, string>()),
            new DashboardResource("identity-service", "identity-service", "Project", "Running", "Healthy", DateTimeOffset.UtcNow, 0, [], 2, null, null, new Dictionary<string, string>()),
        ]);
        await using var dashboard = await StandaloneDashboard.StartAsync(resources: resources);
        using var client = dashboard.CreateClient();
        var logs = Otlp.OtlpPayloads.Logs(Otlp.OtlpPayloads.Resource("seat-service"),
            Otlp.OtlpPayloads.Log(Outreach.Dashboard.Otlp.Proto.Logs.V1.SeverityNumber.Error, "first failure"),
            Otlp.OtlpPayloads.Log(Outreach.Dashboard.Otlp.Proto.Logs.V1.SeverityNumber.Error, "second failure"),
            Otlp.OtlpPayloads.Log(Outreach.Dashboard.Otlp.Proto.Logs.V1.SeverityNumber.Info, "fine"));
        (await Otlp.OtlpClient.PostProtobufAsync(client, "/v1/logs", logs)).EnsureSuccessStatusCode();

        var html = await client.GetStringAsync("/");

        html.ShouldContain("""<a class="badge" href="/structuredlogs?resource=seat-service&amp;level=Error" title="2 error logs">2</a>""");
        html.Split("<tr data-resource=\"identity-service\"")[1].Split("</tr>")[0].ShouldNotContain("badge");
    }
}
