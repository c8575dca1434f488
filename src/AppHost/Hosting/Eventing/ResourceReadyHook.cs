using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Orchestration;

namespace Outreach.AppHost.Hosting.Eventing;

/// <summary>
/// Runs a callback once, the first time every instance of a resource is Running and Healthy (Aspire's
/// ResourceReadyEvent). A failing callback is logged: what runs after start-up must never stop the AppHost.
/// </summary>
internal sealed class ResourceReadyHook<T>(
    T resource,
    Func<ResourceReadyContext<T>, CancellationToken, Task> callback,
    IServiceProvider services,
    ResourceNotificationService notifications,
    IHostApplicationLifetime lifetime,
    ILogger logger) : BackgroundService
    where T : IResource
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // ApplicationStopping fires before any hosted service stops, so the callback is not still
        // talking to a resource while the orchestrator takes it down.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        var token = stopping.Token;
        try
        {
            // Once the host has started, the orchestrator has published every resource, so waiting by name is safe.
            await WhenStartedAsync(token);
            await notifications.WaitForResourceHealthyAsync(resource.Name, token);
            await callback(new ResourceReadyContext<T>(resource, services), token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The application stopped first.
        }
        catch (DistributedApplicationException exception)
        {
            // The resource failed to start; the orchestrator has reported why, so one line here is enough.
            logger.LogWarning("The ready callback of {Resource} did not run: {Reason}", resource.Name, exception.Message);
        }
#pragma warning disable CA1031 // Any failure of a ready callback is reported, never rethrown: it would stop the host.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "The ready callback of {Resource} failed", resource.Name);
        }
    }

    private async Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }
}
