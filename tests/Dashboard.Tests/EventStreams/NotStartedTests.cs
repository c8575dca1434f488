using System.Net;
using System.Text.Json;
using Npgsql;
using Outreach.Dashboard.Tests.Support;
using Outreach.Testing;

namespace Outreach.Dashboard.Tests.EventStreams;

[Collection(EventStreamsInfrastructure.Name)]
public sealed class NotStartedTests(InfrastructureFixture fixture)
{
    [Theory]
    [InlineData("/events")]
    [InlineData("/events/subscriptions")]
    [InlineData("/events/seat-service/streams/seat-1")]
    public async Task A_database_without_tables_or_without_a_database_reads_not_started_never_500(string path)
    {
        var empty = await fixture.CreateDatabaseAsync();
        var missing = new NpgsqlConnectionStringBuilder(empty) { Database = $"never_created_{Guid.NewGuid():N}" }.ConnectionString;
        await using var dashboard = await StandaloneDashboard.StartAsync(o =>
        {
            o.EventStores.Add(new EventStoreSource("seat-service", empty));
            o.EventStores.Add(new EventStoreSource("identity-service", missing));
        });
        using var client = dashboard.CreateClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("Not started: seat-service has not created its event store yet.");
        if (!path.Contains("/streams/", StringComparison.Ordinal))
        {
            page.ShouldContain("Not started: identity-service has not created its event store yet.");
        }
    }

    [Fact]
    public async Task The_api_says_not_started_per_service()
    {
        var empty = await fixture.CreateDatabaseAsync();
        await using var dashboard = await StandaloneDashboard.StartAsync(o => o.EventStores.Add(new EventStoreSource("seat-service", empty)));
        using var client = dashboard.CreateClient();

        foreach (var path in new[] { "/api/events", "/api/events/subscriptions" })
        {
            using var api = JsonDocument.Parse(await client.GetStringAsync(path));
            var service = api.RootElement.GetProperty("services")[0];
            service.GetProperty("service").GetString().ShouldBe("seat-service");
            service.GetProperty("state").GetString().ShouldBe("not_started");
        }

        using var stream = JsonDocument.Parse(await client.GetStringAsync("/api/events/seat-service/streams/seat-1"));
        stream.RootElement.GetProperty("state").GetString().ShouldBe("not_started");
    }
}
