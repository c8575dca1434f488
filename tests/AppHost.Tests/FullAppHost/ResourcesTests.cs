using System.Net;
using Npgsql;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Testing;
using Outreach.AppHost.Tests.Support;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.FullAppHost;

[Collection(RunningAppHostGroup.Name)]
public sealed class ResourcesTests(RunningAppHost host)
{
    [Fact]
    public async Task Every_declared_resource_is_running_and_healthy()
    {
        await host.WaitUntilAllHealthyAsync();
        var snapshots = host.App.ResourceNotifications.GetSnapshots();

        snapshots.Select(snapshot => snapshot.Name).ShouldBe(Resources.All, ignoreOrder: true);
        snapshots.ShouldAllBe(snapshot => snapshot.State == KnownResourceStates.Running && snapshot.Health == HealthStatus.Healthy);
    }

    [Theory]
    [InlineData(Resources.SeatService)]
    [InlineData(Resources.IdentityService)]
    [InlineData(Resources.InvitationService)]
    [InlineData(Resources.LinkedInSandbox)]
    public async Task Each_service_answers_health_and_alive(string service)
    {
        await host.WaitUntilAllHealthyAsync();
        using var http = host.App.CreateHttpClient(service);

        (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync(new Uri("/alive", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        http.BaseAddress!.Host.ShouldBe("127.0.0.1");
    }

    [Theory]
    [InlineData(Resources.SeatService, Resources.SeatsDb)]
    [InlineData(Resources.IdentityService, Resources.IdentitiesDb)]
    [InlineData(Resources.InvitationService, Resources.InvitationsDb)]
    public async Task A_service_starts_once_its_database_is_healthy_and_is_healthy_only_after_the_broker(string service, string database)
    {
        await host.WaitUntilAllHealthyAsync();
        var history = host.History.ToList();
        var firstStart = history.FindIndex(snapshot => snapshot.Name == service && snapshot.State == KnownResourceStates.Starting);
        var before = history.Take(firstStart).ToList();
        before.ShouldContain(snapshot => snapshot.Name == service && snapshot.State == KnownResourceStates.Waiting);
        before.ShouldContain(snapshot => snapshot.Name == database && snapshot.IsRunningAndHealthy);

        // The start overlaps the broker's boot; the service's health includes its broker connection.
        var firstHealthy = history.FindIndex(snapshot => snapshot.Name == service && snapshot.IsRunningAndHealthy);
        var brokerHealthy = history.FindIndex(snapshot => snapshot.Name == Resources.RabbitMq && snapshot.IsRunningAndHealthy);
        firstHealthy.ShouldBeGreaterThan(firstStart);
        brokerHealthy.ShouldBeGreaterThanOrEqualTo(0);
        firstHealthy.ShouldBeGreaterThan(brokerHealthy, "a service is healthy only with its broker connected");
    }

    [Fact]
    public void The_linkedin_sandbox_waits_for_nothing_and_gets_no_database_or_broker()
    {
        var sandbox = host.App.ResourceNotifications.GetSnapshot(Resources.LinkedInSandbox)!;
        var environment = ProcessInspector.Environment(sandbox.Pid!.Value);

        environment.Keys.ShouldNotContain(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        environment.Keys.ShouldNotContain(key => key.StartsWith("services__", StringComparison.Ordinal));
        host.History.ShouldNotContain(snapshot => snapshot.Name == Resources.LinkedInSandbox && snapshot.State == KnownResourceStates.Waiting);
    }

    [Fact]
    public async Task Database_connection_strings_reach_their_own_database()
    {
        foreach (var database in new[] { Resources.SeatsDb, Resources.IdentitiesDb, Resources.InvitationsDb })
        {
            var connectionString = await host.App.GetConnectionStringAsync(database);

            connectionString.ShouldNotBeNull();
            connectionString.ShouldStartWith("Host=127.0.0.1;Port=");
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var name = new NpgsqlCommand("SELECT current_database()", connection);
            (await name.ExecuteScalarAsync()).ShouldBe(database);
        }
    }

    [Fact]
    public void The_console_output_of_each_process_is_kept_in_memory_and_in_the_data_directory()
    {
        host.App.ResourceLogs.GetLines(Resources.Postgres).ShouldContain(line => line.Contains("ready to accept connections", StringComparison.Ordinal));
        host.App.ResourceLogs.GetLines(Resources.SeatService).ShouldNotBeEmpty();
        var logFile = Path.Combine(host.App.DataDirectory.LogsDirectory, "postgres.log");
        File.Exists(logFile).ShouldBeTrue();
    }

    [Fact]
    public async Task The_broker_connection_string_is_an_amqp_uri_on_loopback()
    {
        var connectionString = await host.App.GetConnectionStringAsync(Resources.RabbitMq);

        var uri = new Uri(connectionString!);
        uri.Scheme.ShouldBe("amqp");
        uri.Host.ShouldBe("127.0.0.1");
        uri.UserInfo.ShouldContain(':');
    }
}
