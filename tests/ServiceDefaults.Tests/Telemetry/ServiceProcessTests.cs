using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Outreach.ServiceDefaults.Tests.Support;
using Outreach.Testing;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Telemetry;

/// <summary>
/// The whole of ServiceDefaults in a real service process: configuration from Aspire-style environment
/// variables, consumers found in the entry assembly, one trace from the HTTP caller to the consumer, all
/// three signals exported, flushed on SIGTERM, and JSON console logs that carry no secret.
/// </summary>
[Collection(SharedInfrastructure.Name)]
public sealed class ServiceProcessTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_service_process_configured_by_environment_traces_publishes_consumes_and_flushes_on_sigterm()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        var sampledb = await infrastructure.CreateDatabaseAsync();
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__sampledb"] = sampledb,
            ["ConnectionStrings__rabbitmq"] = infrastructure.RabbitMqConnectionString,
            ["OTEL_SERVICE_NAME"] = "sample-service",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=sample-1",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            // Longer than the test: the metrics that arrive prove the flush at SIGTERM.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "600000",
        });
        await Eventually.HoldsAsync(async () => await IsReadyAsync(service.Client), Patience, $"the service is ready. Output:\n{service.Output}");

        var pingId = Guid.NewGuid();
        var callerTrace = ActivityTraceId.CreateRandom().ToHexString();
        using (var publish = new HttpRequestMessage(HttpMethod.Post, $"/pings/{pingId}"))
        {
            publish.Headers.Add("traceparent", $"00-{callerTrace}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            (await service.Client.SendAsync(publish)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await Eventually.HoldsAsync(async () => (await service.Client.GetAsync($"/pings/{pingId}")).IsSuccessStatusCode, Patience,
            "the consumer found by convention has seen the ping");
        var seen = await service.Client.GetFromJsonAsync<JsonElement>($"/pings/{pingId}");
        seen.GetProperty("trace_id").GetString().ShouldBe(callerTrace, "the consumer runs in the caller's trace");

        (await service.TerminateAsync(TimeSpan.FromSeconds(30))).ShouldBe(0);

        var spans = collector.Spans.Where(s => s.TraceId == callerTrace).ToList();
        var names = string.Join(", ", spans.Select(s => $"{s.Scope}: {s.Name}"));
        spans.ShouldContain(s => s.Scope == "Microsoft.AspNetCore" && s.Name == "POST /pings/{id:guid}", names);
        spans.Count(s => s.Scope == "MassTransit").ShouldBeGreaterThanOrEqualTo(2, names);
        spans.ShouldAllBe(s => s.Resource["service.name"] == "sample-service" && s.Resource["service.instance.id"] == "sample-1");

        var meters = collector.Metrics.Select(m => m.Scope).Distinct().ToList();
        meters.ShouldContain("MassTransit");
        meters.ShouldContain("Microsoft.AspNetCore.Hosting");
        meters.ShouldContain("System.Runtime");
        collector.Logs.ShouldNotBeEmpty();

        var output = service.Output;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(line => IsJsonObject(line), "outside Development every console line is a JSON log entry");
        foreach (var secret in Secrets(sampledb, infrastructure.RabbitMqConnectionString))
            output.ShouldNotContain(secret);
    }

    private static async Task<bool> IsReadyAsync(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static bool IsJsonObject(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Secrets(string postgres, string rabbitMq)
    {
        yield return new NpgsqlConnectionStringBuilder(postgres).Password!;
        yield return Uri.UnescapeDataString(new Uri(rabbitMq).UserInfo.Split(':')[1]);
    }
}
