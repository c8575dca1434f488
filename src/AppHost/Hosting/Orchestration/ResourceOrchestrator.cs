using Microsoft.Extensions.Hosting;
using Outreach.AppHost.Hosting.ApplicationModel;

namespace Outreach.AppHost.Hosting.Orchestration;

/// <summary>Starts every resource when the application starts and stops them in reverse dependency order when it stops.</summary>
internal sealed class ResourceOrchestrator(
    DistributedApplicationModel model,
    IReadOnlyList<ResourceSupervisor> supervisors,
    HostingSettings settings) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private List<Task> _loops = [];

    public IReadOnlyList<ResourceSupervisor> Supervisors => supervisors;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Prerequisites.Verify(model, settings);
        _loops = supervisors.Select(supervisor => Task.Run(() => supervisor.RunAsync(_shutdown.Token), CancellationToken.None)).ToList();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var level in supervisors.GroupBy(supervisor => DependencyOrder.Depth(supervisor.Resource)).OrderByDescending(group => group.Key))
        {
            await Task.WhenAll(level.Select(supervisor => supervisor.StopAsync(kill: false)));
        }

        await _shutdown.CancelAsync();
        await Task.WhenAll(_loops);
    }

    public void Dispose()
    {
        _shutdown.Dispose();
        foreach (var supervisor in supervisors)
        {
            supervisor.Dispose();
        }
    }

    /// <summary>The supervisors of a resource (all its replicas) or of one named instance.</summary>
    public IReadOnlyList<ResourceSupervisor> Find(string name)
    {
        var found = supervisors.Where(supervisor => supervisor.Name == name || supervisor.Resource.Name == name).ToList();
        return found.Count > 0 ? found : throw new ArgumentException($"No runnable resource is named '{name}'.", nameof(name));
    }
}
