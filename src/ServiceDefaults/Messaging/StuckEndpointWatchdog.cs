using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outreach.ServiceDefaults.Health;

namespace Outreach.ServiceDefaults.Messaging;

/// <summary>
/// Restarts the bus when its receive endpoints stay unhealthy while the broker answers. MassTransit 8.x can leave a
/// receive endpoint faulted after a broker restart, its messages waiting in the queue with no consumer (reported
/// upstream as MassTransit#5692 and #5942; seen here in about one run in fourteen of the relay's broker-restart
/// test, the endpoint "Degraded" two minutes after the broker was back). The bus's health shows it, but nothing acts
/// on it; a fresh start of the bus consumes again, as recycling the process does. A redelivery the restart causes is
/// harmless: consumers here go through the inbox.
/// </summary>
public sealed partial class StuckEndpointWatchdog(
    IBusControl bus,
    RabbitMqHealthCheck broker,
    IOptions<StuckEndpointWatchdogOptions> options,
    TimeProvider clock,
    ILogger<StuckEndpointWatchdog> logger) : BackgroundService
{
    private static readonly HealthCheckContext BrokerCheck = new()
    {
        Registration = new HealthCheckRegistration("watchdog-broker", _ => null!, HealthStatus.Unhealthy, null),
    };

    /// <summary>Restarts done since the service started (for tests and the logs).</summary>
    public int Restarts { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var tracker = new StuckEndpointTracker(settings.RestartAfter);
        using var timer = new PeriodicTimer(settings.CheckInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var health = bus.CheckHealth();
                var healthy = health.Status == BusHealthStatus.Healthy;
                var answers = !healthy && (await broker.CheckHealthAsync(BrokerCheck, stoppingToken)).Status == HealthStatus.Healthy;
                if (!tracker.ShouldRestart(healthy, answers, clock.GetUtcNow()))
                    continue;

                LogRestarting(logger, health.Status, settings.RestartAfter.TotalSeconds, health.Description);
                await RestartBusAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops the bus and starts it again, each within the configured timeout.</summary>
    public async Task RestartBusAsync(CancellationToken cancellationToken)
    {
        var timeout = options.Value.RestartTimeout;
        try
        {
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stopping.CancelAfter(timeout);
            await bus.StopAsync(stopping.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bus that does not stop cleanly is started anyway: a fresh start is the point.
            LogStopFailed(logger, exception);
        }

        using var starting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        starting.CancelAfter(timeout);
        try
        {
            await bus.StartAsync(starting.Token);
            Restarts++;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The next rounds look again and retry once the wait has passed again.
            LogStartFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The bus's receive endpoints stayed {Status} for {Seconds} s while the broker answered; restarting the bus ({Description})")]
    private static partial void LogRestarting(ILogger logger, BusHealthStatus status, double seconds, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bus did not stop cleanly during its restart; starting it anyway")]
    private static partial void LogStopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The bus did not start again during its restart; the watchdog tries again later")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);
}
