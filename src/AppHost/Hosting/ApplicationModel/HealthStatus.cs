namespace Outreach.AppHost.Hosting.ApplicationModel;

/// <summary>Health of a running resource, reported beside its state.</summary>
public enum HealthStatus
{
    Unhealthy,
    Healthy,
}
