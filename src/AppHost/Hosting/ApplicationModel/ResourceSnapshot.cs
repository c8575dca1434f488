namespace Outreach.AppHost.Hosting.ApplicationModel;

/// <summary>What is known about one resource instance at one moment.</summary>
/// <param name="Name">Instance name: the resource name, or name-N for replicas.</param>
/// <param name="ResourceName">The declared resource this instance belongs to.</param>
/// <param name="Health">Null while the resource is not running.</param>
public sealed record ResourceSnapshot(
    string Name,
    string ResourceName,
    string ResourceType,
    string State,
    HealthStatus? Health,
    int? Pid,
    IReadOnlyList<string> Urls,
    int RestartCount,
    int? ExitCode,
    string? Message)
{
    /// <summary>When the current (or last) run started; null before the first start.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public bool IsRunningAndHealthy => State == KnownResourceStates.Running && Health == HealthStatus.Healthy;
}
