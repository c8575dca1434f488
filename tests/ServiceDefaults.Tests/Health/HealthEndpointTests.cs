using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Outreach.ServiceDefaults.Tests.Support;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Health;

/// <summary>Health answers that need no running dependency; the broker and database cases live in InfrastructureHealthTests.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Alive_and_health_answer_200_with_a_json_list_of_checks()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map);

        foreach (var path in new[] { "/alive", "/health" })
        {
            using var response = await app.Client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            body.GetProperty("status").GetString().ShouldBe("healthy");
            body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldContain("self");
        }
    }

    [Fact]
    public async Task An_unreachable_database_makes_health_503_while_alive_stays_200_and_nothing_secret_is_shown()
    {
        var closedPort = ClosedPort();
        const string password = "do-not-show-me";
        await using var app = await TestApp.StartAsync(SampleApi.Map,
            builder => builder.AddNpgsqlDataSource("seatsdb"),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:seatsdb"] = $"Host=127.0.0.1;Port={closedPort};Username=outreach;Password={password};Database=seats;Timeout=2",
            });

        using var health = await app.Client.GetAsync("/health");
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var text = await health.Content.ReadAsStringAsync();
        text.ShouldNotContain(password);
        text.ShouldNotContain("Exception");
        text.ShouldNotContain(closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("status").GetString().ShouldBe("unhealthy");
        var seatsdb = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "seatsdb");
        seatsdb.GetProperty("status").GetString().ShouldBe("unhealthy");

        using var alive = await app.Client.GetAsync("/alive");
        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await alive.Content.ReadAsStringAsync()).ShouldNotContain("seatsdb");
    }

    [Fact]
    public async Task A_missing_connection_string_fails_at_startup_naming_it()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() =>
            TestApp.StartAsync(SampleApi.Map, builder => builder.AddNpgsqlDataSource("identitiesdb")));

        failure.Message.ShouldContain("ConnectionStrings:identitiesdb");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
