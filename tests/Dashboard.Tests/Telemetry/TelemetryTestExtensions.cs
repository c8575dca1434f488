using Microsoft.Extensions.DependencyInjection;
using Outreach.Dashboard.Telemetry.Store;
using Outreach.Dashboard.Tests.Support;

namespace Outreach.Dashboard.Tests.Telemetry;

internal static class TelemetryTestExtensions
{
    /// <summary>The hosted dashboard's own store, to check what the receiver kept.</summary>
    public static TelemetryRepository Telemetry(this StandaloneDashboard dashboard) =>
        dashboard.Services.GetRequiredService<TelemetryRepository>();
}
