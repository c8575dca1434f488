using Npgsql;
using Outreach.AppHost.Testing;
using Outreach.AppHost.Tests.Support;
using Outreach.Testing;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Configuration;

/// <summary>ConnectionStrings:postgres / :rabbitmq point the AppHost at servers it does not run (managed PostgreSQL, a cluster).</summary>
public sealed class ExternalResourcesTests(InfrastructureFixture external) : IClassFixture<InfrastructureFixture>
{
    [Fact]
    public async Task Given_connection_strings_the_apphost_uses_those_servers_and_creates_the_databases_there()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>(
        [
            $"--ConnectionStrings:postgres={external.PostgresConnectionString}",
            $"--ConnectionStrings:rabbitmq={external.RabbitMqConnectionString}",
        ]);
        await using var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(Resources.StartTimeout);

        await app.StartAsync(timeout.Token);
        await Task.WhenAll(Resources.All.Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token)));

        app.ResourceNotifications.GetSnapshot(Resources.Postgres)!.Pid.ShouldBeNull();
        app.ResourceNotifications.GetSnapshot(Resources.RabbitMq)!.Pid.ShouldBeNull();
        (await app.GetConnectionStringAsync(Resources.RabbitMq)).ShouldBe(external.RabbitMqConnectionString);
        var seatsDb = new NpgsqlConnectionStringBuilder(await app.GetConnectionStringAsync(Resources.SeatsDb));
        var server = new NpgsqlConnectionStringBuilder(external.PostgresConnectionString);
        seatsDb.Port.ShouldBe(server.Port);
        seatsDb.Database.ShouldBe(Resources.SeatsDb);
        await using var connection = new NpgsqlConnection(external.PostgresConnectionString);
        await connection.OpenAsync();
        await using var databases = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname IN ('seatsdb', 'identitiesdb', 'invitationsdb')", connection);
        (await databases.ExecuteScalarAsync()).ShouldBe(3L);
        var environment = ProcessInspector.Environment(app.ResourceNotifications.GetSnapshot(Resources.SeatService)!.Pid!.Value);
        environment["ConnectionStrings__rabbitmq"].ShouldBe(external.RabbitMqConnectionString);
        Directory.Exists(Path.Combine(app.DataDirectory.Path, "postgres")).ShouldBeFalse();
        // The demo is made through seat-service's operator API, whichever PostgreSQL seat-service stores it in.
        (await app.WaitForDemoAsync()).AccountId.ShouldStartWith("acc_");
    }
}
