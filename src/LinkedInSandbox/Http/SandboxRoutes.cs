namespace Outreach.LinkedInSandbox.Http;

/// <summary>Which paths are the provider API and which are the sandbox's own control routes.</summary>
public static class SandboxRoutes
{
    public const string Api = "/api/v1";
    public const string Control = "/api/v1/sandbox";

    public static bool IsApi(PathString path) => path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase);

    /// <summary>A provider route: faults and latency apply. Control routes stay reachable to switch faults off.</summary>
    public static bool IsProvider(PathString path) => IsApi(path) && !path.StartsWithSegments(Control, StringComparison.OrdinalIgnoreCase);
}
