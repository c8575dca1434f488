using Outreach.AppHost.Hosting.Processes;

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

    /// <summary>
    /// SIGSTOPs every process of the resource until the returned handle is disposed (SIGCONT): the resource keeps its
    /// sockets open and answers nothing, as a hung or swapping server does, a fault a kill never shows. Its clients'
    /// timeouts are what is tested; the supervisor sees it Running throughout.
    /// </summary>
    public IAsyncDisposable FreezeResource(string name)
    {
        var roots = _notifications.GetSnapshots().Where(s => s.Name == name || s.ResourceName == name)
            .Select(s => s.Pid).OfType<int>().ToList();
        if (roots.Count == 0)
            throw new InvalidOperationException($"{name} has no running process to freeze.");
        var frozen = roots.Concat(roots.SelectMany(root => ProcessTree.Descendants(root).Select(p => p.Pid))).ToList();
        foreach (var pid in frozen)
            UnixSignal.Send(pid, UnixSignal.Stop);
        return new Thaw(frozen);
    }

    private sealed class Thaw(IReadOnlyList<int> pids) : IAsyncDisposable
    {
        private int _done;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
                foreach (var pid in pids)
                    UnixSignal.Send(pid, UnixSignal.Continue);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Stops, then starts; returns once it is Running and healthy again.</summary>
    public async Task RestartResourceAsync(string name, CancellationToken cancellationToken = default)
    {
        await StopResourceAsync(name);
        await StartResourceAsync(name, cancellationToken);
    }
}
