using Microsoft.Extensions.Configuration;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Dashboard;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Units;

public sealed class DashboardOptionsTests
{
    private static readonly HostingSettings Settings = HostingSettings.From(new ConfigurationBuilder().Build());

    [Fact]
    public void The_telemetry_limits_are_aspires_unless_configured()
    {
        var defaults = DashboardRegistration.CreateOptions(new DistributedApplicationModel([]), Settings, new ConfigurationBuilder().Build(), 18888, "key");
        var configured = DashboardRegistration.CreateOptions(new DistributedApplicationModel([]), Settings, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:TelemetryLimits:MaxLogCount"] = "500",
            ["Dashboard:TelemetryLimits:MaxTraceCount"] = "600",
            ["Dashboard:TelemetryLimits:MaxMetricPointCount"] = "700",
        }).Build(), 18888, "key");

        (defaults.TelemetryLimits.MaxLogCount, defaults.TelemetryLimits.MaxTraceCount, defaults.TelemetryLimits.MaxMetricPointCount).ShouldBe((10_000, 10_000, 50_000));
        (configured.TelemetryLimits.MaxLogCount, configured.TelemetryLimits.MaxTraceCount, configured.TelemetryLimits.MaxMetricPointCount).ShouldBe((500, 600, 700));
        configured.ListenUrl.ShouldBe("http://127.0.0.1:18888");
        configured.BrowserToken.ShouldNotBe(defaults.BrowserToken, "a new browser token every run");
    }
}
