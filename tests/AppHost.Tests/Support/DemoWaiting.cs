using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.State;

namespace Outreach.AppHost.Tests.Support;

internal static class DemoWaiting
{
    /// <summary>WithDemoAccount() provisions once seat-service is healthy, so the demo appears a little after start-up.</summary>
    public static async Task<DemoInfo> WaitForDemoAsync(this DistributedApplication app)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < Resources.DemoTimeout)
        {
            if (app.StateFile.Demo is { } demo)
            {
                return demo;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("apphost.json never named a demo account.");
    }
}
