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
}
