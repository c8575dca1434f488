using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Outreach.ServiceDefaults.Tests.Support;
using Outreach.Testing;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Http;

/// <summary>A database that does not answer in time is a fault the client can retry: 503 with retry-after, never a 500.</summary>
[Collection(SharedInfrastructure.Name)]
public sealed class DatabaseUnavailableTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_query_that_times_out_answers_503_problem_json_with_retry_after()
    {
        await using var app = await TestApp.StartAsync(
            endpoints => endpoints.MapGet("/slow", async (NpgsqlDataSource database) =>
            {
                await using var command = database.CreateCommand("SELECT pg_sleep(5)");
                command.CommandTimeout = 1;
                await command.ExecuteScalarAsync();
                return Results.Ok();
            }),
            builder => builder.AddNpgsqlDataSource("sampledb"),
            new Dictionary<string, string?> { ["ConnectionStrings:sampledb"] = await infrastructure.CreateDatabaseAsync() });

        using var response = await app.Client.GetAsync(new Uri("/slow", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        response.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(503);
        problem.GetProperty("detail").GetString()!.ShouldContain("database");
        (await app.Client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task While_the_database_does_not_answer_requests_are_refused_at_once_and_served_again_soon_after_it_is_back()
    {
        await using var app = await TestApp.StartAsync(
            endpoints => endpoints.MapGet("/ping", async (NpgsqlDataSource database, CancellationToken cancellationToken) =>
            {
                await using var command = database.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(cancellationToken);
                return Results.Ok();
            }),
            builder => builder.AddNpgsqlDataSource("sampledb"),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:sampledb"] = await infrastructure.CreateDatabaseAsync(),
                ["Npgsql:TimeoutSeconds"] = "1",
                ["Npgsql:CommandTimeoutSeconds"] = "1",
            });
        (await app.Client.GetAsync(new Uri("/ping", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (HttpStatusCode Status, string? MediaType, TimeSpan Took)[] after;
        await using (infrastructure.App.ResourceCommands.FreezeResource("postgres"))
        {
            // Each of these waits for Npgsql's own timeouts on the frozen server.
            var first = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.Client.GetAsync(new Uri("/ping", UriKind.Relative))));
            first.ShouldAllBe(r => r.StatusCode == HttpStatusCode.ServiceUnavailable);

            after = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
            {
                var clock = Stopwatch.StartNew();
                using var response = await app.Client.GetAsync(new Uri("/ping", UriKind.Relative));
                return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, clock.Elapsed);
            }));
        }

        after.ShouldAllBe(a => a.Status == HttpStatusCode.ServiceUnavailable && a.MediaType == "application/problem+json");
        // At most one of them is let through to probe the database; the others do not try.
        after.Count(a => a.Took < TimeSpan.FromMilliseconds(500)).ShouldBeGreaterThanOrEqualTo(4, "refused without a connection attempt of their own");
        await Eventually.HoldsAsync(async () => (await app.Client.GetAsync(new Uri("/ping", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10), "served again after the thaw");
    }

    [Fact]
    public async Task A_pool_too_small_for_the_load_is_not_mistaken_for_a_database_outage()
    {
        await using var app = await TestApp.StartAsync(
            endpoints =>
            {
                endpoints.MapGet("/hold", async (NpgsqlDataSource database) =>
                {
                    await using var command = database.CreateCommand("SELECT pg_sleep(3)");
                    await command.ExecuteScalarAsync();
                    return Results.Ok();
                });
                endpoints.MapGet("/ping", async (NpgsqlDataSource database) =>
                {
                    await using var command = database.CreateCommand("SELECT 1");
                    await command.ExecuteScalarAsync();
                    return Results.Ok();
                });
            },
            builder => builder.AddNpgsqlDataSource("sampledb"),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:sampledb"] = await infrastructure.CreateDatabaseAsync(),
                ["Npgsql:MaxPoolSize"] = "1",
                ["Npgsql:TimeoutSeconds"] = "1",
            });
        (await app.Client.GetAsync(new Uri("/ping", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var holding = app.Client.GetAsync(new Uri("/hold", UriKind.Relative));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var starved = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.Client.GetAsync(new Uri("/ping", UriKind.Relative))));
        starved.ShouldAllBe(r => r.StatusCode == HttpStatusCode.ServiceUnavailable, "the one connection is held for 3 s");
        (await holding).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Had the breaker opened, one of these would probe and the others be refused.
        var after = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Client.GetAsync(new Uri("/ping", UriKind.Relative))));
        after.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
    }
}
