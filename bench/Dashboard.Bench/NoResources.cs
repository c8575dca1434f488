using Outreach.Dashboard.Resources;

namespace Outreach.Dashboard.Bench;

/// <summary>The dashboard hosted without an AppHost: no resources, no console, no commands.</summary>
internal sealed class NoResources : IDashboardResourceService
{
    public IReadOnlyList<DashboardResource> GetResources() => [];

    public IReadOnlyList<ConsoleLine> GetConsoleLines(string instanceName, long after) => [];

    public Task ExecuteCommandAsync(string name, string command, CancellationToken cancellationToken) =>
        throw new ArgumentException("The bench hosts no resources.", nameof(name));

    public Task<string?> GetHealthReportAsync(string instanceName, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
