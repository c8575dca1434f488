namespace Outreach.Dashboard.Resources;

/// <summary>
/// What the dashboard knows of the AppHost, in the role of Aspire's resource service: the resources, their console
/// output, and the commands they accept. The AppHost implements it; tests may host the dashboard with their own.
/// </summary>
public interface IDashboardResourceService
{
    /// <summary>Every resource instance (replicas individually), in declaration order.</summary>
    IReadOnlyList<DashboardResource> GetResources();

    /// <summary>Console lines of one instance with a sequence number above <paramref name="after"/>, oldest first.</summary>
    IReadOnlyList<ConsoleLine> GetConsoleLines(string instanceName, long after);

    /// <summary>Runs start, stop or restart on a resource or one instance; returns once the command was carried out.</summary>
    /// <exception cref="ArgumentException">No such resource or command.</exception>
    Task ExecuteCommandAsync(string name, string command, CancellationToken cancellationToken);

    /// <summary>The instance's health in detail (a service's /health body), or null when there is none to give.</summary>
    Task<string?> GetHealthReportAsync(string instanceName, CancellationToken cancellationToken);
}

/// <summary>One instance as the Resources page shows it.</summary>
/// <param name="Name">Instance name: the resource name, or name-N for a replica.</param>
/// <param name="Environment">The environment it was started with; values of secret-looking names already masked.</param>
public sealed record DashboardResource(
    string Name,
    string ResourceName,
    string Type,
    string State,
    string? Health,
    DateTimeOffset? StartTime,
    int Restarts,
    IReadOnlyList<string> Urls,
    int? Pid,
    int? ExitCode,
    string? Message,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Aspire's wording: "Running (Unhealthy)" when a running resource fails its health check.</summary>
    public string StateText => Health is null or "Healthy" || State != "Running" ? State : $"{State} ({Health})";
}

public sealed record ConsoleLine(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);

public static class ResourceCommands
{
    public const string Start = "start";
    public const string Stop = "stop";
    public const string Restart = "restart";

    public static IReadOnlyList<string> All { get; } = [Start, Stop, Restart];
}
