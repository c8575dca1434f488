using System.Net;
using System.Net.Sockets;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Outreach.ServiceDefaults.Messaging;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Messaging;

/// <summary>
/// A service may start while its broker still boots (the AppHost overlaps them): its start waits for the broker's port
/// instead of leaving the bus to MassTransit's reconnect backoff, and a broker that stays away does not stop it.
/// </summary>
public sealed class BrokerReachableGateTests
{
    [Fact]
    public async Task The_start_waits_while_nothing_listens_and_goes_on_once_the_broker_accepts()
    {
        var port = FreePort();
        var gate = new BrokerReachableGate(Broker(port), NullLogger<BrokerReachableGate>.Instance, TimeSpan.FromSeconds(30));

        var start = gate.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        start.IsCompleted.ShouldBeFalse("no broker listens yet");

        using var broker = new TcpListener(IPAddress.Loopback, port);
        broker.Start();
        await start.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_broker_that_stays_away_does_not_stop_the_start()
    {
        var gate = new BrokerReachableGate(Broker(FreePort()), NullLogger<BrokerReachableGate>.Instance, TimeSpan.FromMilliseconds(500));

        await gate.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_stopping_host_ends_the_wait()
    {
        var gate = new BrokerReachableGate(Broker(FreePort()), NullLogger<BrokerReachableGate>.Instance, TimeSpan.FromSeconds(30));
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(gate.StartAsync(stopping.Token).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AddMessaging_puts_the_gate_before_the_bus_so_the_bus_starts_after_the_broker_is_reachable()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:rabbitmq"] = $"amqp://guest:guest@127.0.0.1:{FreePort()}" });
        builder.AddMessaging([typeof(BrokerReachableGateTests).Assembly]);
        await using var app = builder.Build();

        var hosted = app.Services.GetServices<IHostedService>().Select(service => service.GetType()).ToList();
        var gate = hosted.IndexOf(typeof(BrokerReachableGate));
        var bus = hosted.FindIndex(type => type.Namespace?.StartsWith("MassTransit", StringComparison.Ordinal) == true);
        gate.ShouldBeGreaterThanOrEqualTo(0);
        bus.ShouldBeGreaterThan(gate, $"hosted services start in order: {string.Join(", ", hosted.Select(type => type.Name))}");
        _ = app.Services.GetRequiredService<IBus>();
    }

    private static RabbitMqConnection Broker(int port) => new("127.0.0.1", (ushort)port, "/", "guest", "guest", UseTls: false);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
