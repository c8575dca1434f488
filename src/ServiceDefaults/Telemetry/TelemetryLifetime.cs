using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Outreach.ServiceDefaults.Telemetry;

/// <summary>
/// Creates the tracer and meter providers when the host starts (before any other hosted service, so
/// startup work is traced too) and disposes them after every other service has stopped, which flushes
/// the last spans and a final metric collection to the exporter.
/// </summary>
public sealed class TelemetryLifetime(TracerProvider tracerProvider, MeterProvider meterProvider) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        tracerProvider.Dispose();
        meterProvider.Dispose();
        return Task.CompletedTask;
    }
}
