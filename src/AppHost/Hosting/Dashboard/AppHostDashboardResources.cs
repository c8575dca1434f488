using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Orchestration;
using Outreach.Dashboard.Resources;

namespace Outreach.AppHost.Hosting.Dashboard;

/// <summary>The AppHost seen by its dashboard: Aspire's resource service, in process.</summary>
internal sealed class AppHostDashboardResources(
    ResourceNotificationService notifications,
    ResourceOrchestrator orchestrator,
    ResourceCommandService commands,
    ResourceLogStore logs) : IDashboardResourceService
{
    public IReadOnlyList<DashboardResource> GetResources() =>
        notifications.GetSnapshots().Select(snapshot => new DashboardResource(
            snapshot.Name,
            snapshot.ResourceName,
            snapshot.ResourceType,
            snapshot.State,
            snapshot.Health?.ToString(),
            snapshot.StartedAt,
            snapshot.RestartCount,
            snapshot.Urls,
            snapshot.Pid,
            snapshot.ExitCode,
            snapshot.Message,
            EnvironmentMasking.MaskAll(Supervisor(snapshot.Name)?.LaunchEnvironment ?? new Dictionary<string, string>()))).ToList();

    public IReadOnlyList<ConsoleLine> GetConsoleLines(string instanceName, long after) =>
        logs.GetEntries(instanceName, after).Select(entry => new ConsoleLine(entry.Sequence, entry.Timestamp, entry.Text, entry.IsError)).ToList();

    public Task ExecuteCommandAsync(string name, string command, CancellationToken cancellationToken)
    {
        // Databases live inside their server: there is no process of theirs to command.
        if (!orchestrator.Supervisors.Any(supervisor => supervisor.Name == name || supervisor.Resource.Name == name))
        {
            throw new ArgumentException($"'{name}' is not a resource with commands.", nameof(name));
        }

        return command switch
        {
            ResourceCommands.Start => commands.StartResourceAsync(name, cancellationToken),
            ResourceCommands.Stop => commands.StopResourceAsync(name),
            ResourceCommands.Restart => commands.RestartResourceAsync(name, cancellationToken),
            _ => throw new ArgumentException($"'{command}' is not a command; use start, stop or restart.", nameof(command)),
        };
    }

    public async Task<string?> GetHealthReportAsync(string instanceName, CancellationToken cancellationToken) =>
        Supervisor(instanceName) is { } supervisor ? await supervisor.DescribeHealthAsync(cancellationToken) : null;

    private ResourceSupervisor? Supervisor(string instanceName) =>
        orchestrator.Supervisors.FirstOrDefault(supervisor => supervisor.Name == instanceName);
}
