namespace Outreach.Dashboard.Resources;

/// <summary>How many error logs a resource has sent, for the Resources page's badge (the telemetry store answers).</summary>
public interface IResourceErrorCounts
{
    int ErrorCount(string resourceName);
}
