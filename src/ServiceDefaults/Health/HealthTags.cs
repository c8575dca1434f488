namespace Outreach.ServiceDefaults.Health;

public static class HealthTags
{
    /// <summary>Checks that decide liveness (/alive): only the process itself, never a dependency.</summary>
    public const string Live = "live";

    /// <summary>Checks of dependencies the service needs to serve (/health).</summary>
    public const string Ready = "ready";
}
