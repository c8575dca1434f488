using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Outreach.ServiceDefaults.Messaging;

namespace Outreach.Bench;

/// <summary>The bench's own message: nothing in the system publishes or consumes it.</summary>
public sealed record BenchPing(Guid Id);

/// <summary>Completes the waiter of every ping it receives.</summary>
public sealed class BenchPingConsumer(ConcurrentDictionary<Guid, TaskCompletionSource<long>> waiting) : IConsumer<BenchPing>
{
    public Task Consume(ConsumeContext<BenchPing> context)
    {
        var received = Stopwatch.GetTimestamp();
        if (waiting.TryRemove(context.Message.Id, out var waiter))
            waiter.TrySetResult(received);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A baseline: a raw MassTransit publish → consume round trip over the system's RabbitMQ, configured as
/// ServiceDefaults configures the services' buses (host, port and credentials given apart, publisher confirms on),
/// one consumer of a bench-only message on a queue of its own (named by the bench). Shared by the benches (linked in).
/// </summary>
internal sealed class BrokerRoundTrip : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _waiting = new();

    private BrokerRoundTrip(string connectionString, string bench)
    {
        var connection = RabbitMqConnection.Parse(connectionString);
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(connection.Host, connection.Port, connection.VirtualHost, bench, host =>
            {
                host.Username(connection.Username);
                host.Password(connection.Password);
                host.PublisherConfirmation = true;
            });
            rabbit.ReceiveEndpoint($"{bench}-ping", endpoint => endpoint.Consumer(() => new BenchPingConsumer(_waiting)));
        });
    }

    public static async Task<BrokerRoundTrip> StartAsync(string connectionString, string bench)
    {
        var baseline = new BrokerRoundTrip(connectionString, bench);
        await baseline._bus.StartAsync();
        return baseline;
    }

    /// <summary>One publish, timed from before Publish until the consumer has the message (ms).</summary>
    public async Task<double> RoundTripAsync()
    {
        var id = Guid.NewGuid();
        var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = waiter;
        var started = Stopwatch.GetTimestamp();
        await _bus.Publish(new BenchPing(id));
        var received = await waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return Stopwatch.GetElapsedTime(started, received).TotalMilliseconds;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
