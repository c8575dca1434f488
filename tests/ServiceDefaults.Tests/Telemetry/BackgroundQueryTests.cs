using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Outreach.ServiceDefaults.Tests.Support;
using Outreach.Testing;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Telemetry;

/// <summary>Pollers and health probes query the database all the time; only the queries somebody asked for are traced.</summary>
[Collection(SharedInfrastructure.Name)]
public sealed class BackgroundQueryTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_query_in_a_request_is_exported_and_one_from_a_loop_or_a_health_probe_is_not()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var app = await TestApp.StartAsync(
            endpoints => endpoints.MapGet("/asked", async (NpgsqlDataSource database) =>
            {
                await using var command = database.CreateCommand("SELECT 'asked-for'");
                await command.ExecuteScalarAsync();
                return Results.Ok();
            }),
            builder =>
            {
                builder.AddNpgsqlDataSource("seatsdb");
                builder.Services.AddHostedService<PollingLoop>();
            },
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:seatsdb"] = await infrastructure.CreateDatabaseAsync(),
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
                ["OTEL_SERVICE_NAME"] = "background-queries",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            });
        await HealthProbe.UntilAsync(app.Client, System.Net.HttpStatusCode.OK, Patience);
        for (var probe = 0; probe < 3; probe++)
            await app.Client.GetAsync("/health");

        (await app.Client.GetAsync("/asked")).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(() => collector.Spans.Any(s => s.Name == "GET /asked"), Patience, "the request is exported");
        await app.StopAsync();

        var spans = collector.Spans;
        var request = spans.Single(s => s.Name == "GET /asked");
        var queries = spans.Where(s => s.Scope == "Npgsql").ToList();
        queries.ShouldNotBeEmpty();
        queries.ShouldAllBe(s => s.TraceId == request.TraceId, "only the request's query is exported: " + string.Join(", ", queries.Select(q => q.Name)));
        spans.ShouldNotContain(s => s.ParentSpanId != "" && !spans.Any(parent => parent.SpanId == s.ParentSpanId) && s.TraceId != request.TraceId,
            "no orphan span is left from a dropped health probe");
    }

    /// <summary>A background loop like the services' pollers: a query every 50 ms, with no request around it.</summary>
    private sealed class PollingLoop(NpgsqlDataSource database) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var command = database.CreateCommand("SELECT 'polling'");
                    await command.ExecuteScalarAsync(stoppingToken);
                    await Task.Delay(50, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
