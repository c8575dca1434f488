using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Outreach.ServiceDefaults.Messaging;

/// <summary>
/// Holds the host's start until the broker accepts TCP connections, polling every 100 ms, so that the bus started
/// after it connects at its first try. A service may start while the broker is still booting (the AppHost overlaps
/// the two); MassTransit's own reconnect backoff would otherwise add seconds after the broker is up. After
/// <paramref name="maxWait"/> (<see cref="DefaultMaxWait"/> in a service) the start goes on and MassTransit's retries
/// take over, as they do for any later outage.
/// </summary>
public sealed partial class BrokerReachableGate(RabbitMqConnection broker, ILogger<BrokerReachableGate> logger, TimeSpan maxWait) : IHostedService
{
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < maxWait)
        {
            if (await AcceptsAsync(cancellationToken))
            {
                if (waited.Elapsed > PollInterval)
                    LogReachable(broker.Host, broker.Port, (long)waited.Elapsed.TotalMilliseconds);
                return;
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
        LogGaveUp(broker.Host, broker.Port, maxWait);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The broker at {Host}:{Port} accepted a connection after {WaitedMs} ms")]
    private partial void LogReachable(string host, int port, long waitedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker at {Host}:{Port} did not accept a connection within {MaxWait}; starting anyway")]
    private partial void LogGaveUp(string host, int port, TimeSpan maxWait);

    private async Task<bool> AcceptsAsync(CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(broker.Host, broker.Port, attempt.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
