using System.Diagnostics;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Outreach.ServiceDefaults.Tests.Support;
using Outreach.ServiceDefaults.Tests.Support.Messages;
using Outreach.Testing;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Telemetry;

[Collection(SharedInfrastructure.Name)]
public sealed class TraceFlowTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task One_trace_runs_from_the_caller_through_aspnetcore_httpclient_npgsql_and_masstransit_to_the_consumer()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        var pingId = Guid.NewGuid();
        await using var app = await TestApp.StartAsync(
            endpoints =>
            {
                // front → (HttpClient) → back → (Npgsql) query, (MassTransit) publish → consumer
                endpoints.MapGet("/front", async (HttpContext context, IHttpClientFactory clients) =>
                {
                    using var client = clients.CreateClient();
                    var back = new Uri($"{context.Request.Scheme}://{context.Request.Host}/back");
                    (await client.GetAsync(back)).EnsureSuccessStatusCode();
                    return Results.Ok();
                });
                endpoints.MapGet("/back", async (NpgsqlDataSource database, IPublishEndpoint publisher) =>
                {
                    await using var command = database.CreateCommand("SELECT 1");
                    await command.ExecuteScalarAsync();
                    await publisher.Publish(new PingSent(pingId));
                    return Results.Ok();
                });
            },
            builder =>
            {
                builder.Services.AddHttpClient();
                builder.Services.AddSingleton<MessageLog>();
                builder.AddNpgsqlDataSource("seatsdb");
                builder.AddMessaging([typeof(PingConsumer).Assembly]);
            },
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:seatsdb"] = await infrastructure.CreateDatabaseAsync(),
                ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMqConnectionString,
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
                ["OTEL_SERVICE_NAME"] = "trace-flow",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            });
        await HealthProbe.UntilAsync(app.Client, System.Net.HttpStatusCode.OK, Patience);

        var callerTrace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/front");
        request.Headers.Add("traceparent", $"00-{callerTrace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        (await app.Client.SendAsync(request)).EnsureSuccessStatusCode();

        var log = app.Services.GetRequiredService<MessageLog>();
        await Eventually.HoldsAsync(() => log.Pings.ContainsKey(pingId), Patience, "the ping is consumed");
        log.Pings[pingId].ShouldBe(callerTrace, "the consumer runs in the caller's trace");

        var trace = callerTrace.ToHexString();
        await Eventually.HoldsAsync(() => collector.Spans.Count(s => s.TraceId == trace && s.Scope == "MassTransit") >= 2, Patience,
            "the publish and consume spans are exported");
        await app.StopAsync();

        var spans = collector.Spans.Where(s => s.TraceId == trace).ToList();
        var names = spans.Select(s => $"{s.Scope}: {s.Name}").ToList();
        names.ShouldContain("Microsoft.AspNetCore: GET /front");
        names.ShouldContain("System.Net.Http: GET");
        names.ShouldContain("Microsoft.AspNetCore: GET /back");
        spans.ShouldContain(s => s.Scope == "Npgsql", string.Join(", ", names));
        spans.Count(s => s.Scope == "MassTransit").ShouldBeGreaterThanOrEqualTo(2, string.Join(", ", names));
        spans.ShouldAllBe(s => s.Resource["service.name"] == "trace-flow");

        // MassTransit's meter is checked in ServiceProcessTests: it lives in static state bound to the
        // first host of a process, and this test process hosts many.
        var metricScopes = collector.Metrics.Select(m => m.Scope).Distinct().ToList();
        metricScopes.ShouldContain("Npgsql");
        metricScopes.ShouldContain("System.Net.Http");
    }
}
