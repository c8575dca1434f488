namespace Outreach.AppHost.Hosting.Orchestration;

/// <summary>Start, Stop, Restart and Kill per resource (or per replica instance), as the dashboard offers them.</summary>
public sealed class ResourceCommandService
{
    private readonly ResourceOrchestrator _orchestrator;
    private readonly ResourceNotificationService _notifications;

    internal ResourceCommandService(ResourceOrchestrator orchestrator, ResourceNotificationService notifications)
    {
        _orchestrator = orchestrator;
        _notifications = notifications;
    }

    /// <summary>Starts a stopped resource; returns once it is Running and healthy.</summary>
    public async Task StartResourceAsync(string name, CancellationToken cancellationToken = default)
    {
        foreach (var supervisor in _orchestrator.Find(name))
        {
            supervisor.Start();
        }

        await _notifications.WaitForResourceHealthyAsync(name, cancellationToken);
    }

    /// <summary>Stops gracefully; the resource stays Exited (it is not restarted) until started again.</summary>
    public Task StopResourceAsync(string name) =>
        Task.WhenAll(_orchestrator.Find(name).Select(supervisor => supervisor.StopAsync(kill: false)));

    /// <summary>SIGKILLs the resource's whole process tree; it stays Exited until started again.</summary>
    public Task KillResourceAsync(string name) =>
        Task.WhenAll(_orchestrator.Find(name).Select(supervisor => supervisor.StopAsync(kill: true)));

    /// <summary>Stops, then starts; returns once it is Running and healthy again.</summary>
    public async Task RestartResourceAsync(string name, CancellationToken cancellationToken = default)
    {
        await StopResourceAsync(name);
        await StartResourceAsync(name, cancellationToken);
    }
}
