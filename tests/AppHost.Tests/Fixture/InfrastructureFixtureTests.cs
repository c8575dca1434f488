using Npgsql;
using Outreach.AppHost.Hosting.RabbitMQ;
using Outreach.AppHost.Tests.Support;
using Outreach.Testing;
using RabbitMQ.Client;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Fixture;

/// <summary>The shared fixture gives real, private servers that tests can connect to, kill and restart.</summary>
public sealed class InfrastructureFixtureTests(InfrastructureFixture infrastructure) : IClassFixture<InfrastructureFixture>
{
    [Fact]
    public async Task A_created_database_accepts_connections_and_is_empty()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0);
        connection.Database.ShouldStartWith("test_");
    }

    [Fact]
    public async Task The_broker_accepts_an_amqp_connection_with_the_generated_credentials()
    {
        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.RabbitMqConnectionString) };

        await using var connection = await factory.CreateConnectionAsync();

        connection.IsOpen.ShouldBeTrue();
        infrastructure.RabbitMqConnectionString.ShouldStartWith("amqp://");
    }

    [Fact]
    public async Task A_restarted_broker_keeps_its_port_credentials_and_durable_queues()
    {
        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.RabbitMqConnectionString) };
        var queue = $"fixture-{Guid.NewGuid():N}";
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        }

        // An orderly restart: RabbitMQ writes queue metadata through a delayed-write log, so a kill -9 right after a
        // declaration may lose it (RabbitMQ's own behaviour, seen in CI). What this test is about is that the node
        // comes back on the same port, credentials and data directory.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            await infrastructure.App.ResourceCommands.RestartResourceAsync("rabbitmq", timeout.Token);

        await using var again = await factory.CreateConnectionAsync();
        await using var channelAgain = await again.CreateChannelAsync();
        var declared = await channelAgain.QueueDeclarePassiveAsync(queue);
        declared.QueueName.ShouldBe(queue);
    }

    [Fact]
    public async Task A_killed_broker_refuses_connections_until_started_again()
    {
        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.RabbitMqConnectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
        var broker = (RabbitMQServerResource)infrastructure.App.Model.Find("rabbitmq");
        var tree = ProcessInspector.Tree(infrastructure.App.ResourceNotifications.GetSnapshot("rabbitmq")!.Pid!.Value);
        EpmdProcesses(broker.EpmdPort).ShouldNotBeEmpty();

        await infrastructure.KillRabbitMqAsync();
        try
        {
            await Should.ThrowAsync<Exception>(async () => await factory.CreateConnectionAsync());
            // The whole node goes: script, beam.smp, erl_child_setup, inet_gethost, and its private epmd.
            tree.Count.ShouldBeGreaterThanOrEqualTo(3);
            tree.Where(process => ProcessInspector.IsAlive(process.Pid, process.StartTime)).ShouldBeEmpty();
            EpmdProcesses(broker.EpmdPort).ShouldBeEmpty();
        }
        finally
        {
            await infrastructure.StartRabbitMqAsync();
        }

        await using var connection = await factory.CreateConnectionAsync();
        connection.IsOpen.ShouldBeTrue();
    }

    private static List<int> EpmdProcesses(int port) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
            .Where(pid =>
            {
                try
                {
                    return File.ReadAllText($"/proc/{pid}/comm").Trim() == "epmd"
                        && File.ReadAllText($"/proc/{pid}/environ").Split('\0').Contains($"ERL_EPMD_PORT={port}")
                        && File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] != "Z";
                }
                catch (IOException)
                {
                    return false;
                }
            })
            .ToList();

    [Fact]
    public async Task A_restarted_database_server_keeps_its_data()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE kept (value int); INSERT INTO kept VALUES (42)", connection);
            await create.ExecuteNonQueryAsync();
        }

        await infrastructure.RestartPostgresAsync();

        await using var reopened = new NpgsqlConnection(connectionString);
        await reopened.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT value FROM kept", reopened);
        (await read.ExecuteScalarAsync()).ShouldBe(42);
    }
}
