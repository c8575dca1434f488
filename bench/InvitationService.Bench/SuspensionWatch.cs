using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Outreach.Contracts;
using Outreach.ServiceDefaults.Messaging;

namespace Outreach.InvitationService.Bench;

/// <summary>Notes when each SeatSuspended reached the bench's own queue (Stopwatch timestamp, by seat).</summary>
public sealed class SeatSuspendedWatcher(ConcurrentDictionary<string, long> arrivals) : IConsumer<SeatSuspended>
{
    public Task Consume(ConsumeContext<SeatSuspended> context)
    {
        arrivals.TryAdd(context.Message.SeatId, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }
}

/// <summary>
/// A diagnostic for the suspend figure: a queue of the bench's own bound to SeatSuspended beside invitation-service's,
/// so each sample splits into "seat-service's relay got it onto the broker" and "invitation-service took it from
/// there to its commit" (the consumer's sender-gate wait, its inbox check and its commit).
/// </summary>
internal sealed class SuspensionWatch : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly ConcurrentDictionary<string, long> _arrivals = new(StringComparer.Ordinal);

    private SuspensionWatch(string connectionString)
    {
        var connection = RabbitMqConnection.Parse(connectionString);
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(connection.Host, connection.Port, connection.VirtualHost, "invitation-bench-watch", host =>
            {
                host.Username(connection.Username);
                host.Password(connection.Password);
            });
            rabbit.ReceiveEndpoint("invitation-bench-seat-suspended", endpoint => endpoint.Consumer(() => new SeatSuspendedWatcher(_arrivals)));
        });
    }

    public static async Task<SuspensionWatch> StartAsync(string connectionString)
    {
        var watch = new SuspensionWatch(connectionString);
        await watch._bus.StartAsync();
        return watch;
    }

    /// <summary>When the seat's SeatSuspended arrived, waiting up to <paramref name="patience"/>; null if it did not.</summary>
    public async Task<long?> ArrivalAsync(string seatId, TimeSpan patience)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_arrivals.TryGetValue(seatId, out var arrived))
                return arrived;
            await Task.Delay(1);
        }
        return null;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
