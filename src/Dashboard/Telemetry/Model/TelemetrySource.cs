namespace Outreach.Dashboard.Telemetry.Model;

/// <summary>
/// Who sent a piece of telemetry. The store keeps one partition per <see cref="ServiceName"/> (the resource the AppHost
/// declared); <see cref="InstanceId"/> tells replicas apart (seat-service-1, seat-service-2).
/// </summary>
public sealed record TelemetrySource(string ServiceName, string InstanceId)
{
    /// <summary>What the OpenTelemetry SDKs name a service that did not say who it is.</summary>
    public const string UnknownService = "unknown_service";

    /// <summary>The instance when it adds something to the service's name, else just the name.</summary>
    public string DisplayName => InstanceId == ServiceName ? ServiceName : InstanceId;

    /// <summary>A query's <c>resource</c> matches the service (every replica) or exactly one instance.</summary>
    public bool Matches(string? resource) =>
        string.IsNullOrEmpty(resource)
        || string.Equals(resource, ServiceName, StringComparison.Ordinal)
        || string.Equals(resource, InstanceId, StringComparison.Ordinal);
}
