using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Outreach.AppHost.Hosting.State;
using Outreach.Dashboard;

namespace Outreach.AppHost.Hosting.Dashboard;

/// <summary>
/// Runs the dashboard inside the AppHost, as Aspire runs its dashboard beside the AppHost: it starts before the
/// resources (so their first telemetry has somewhere to go), prints the login link Aspire prints, writes it to
/// apphost.json under <c>dashboard</c>, and stops after every resource has stopped.
/// </summary>
internal sealed class DashboardHost(DashboardOptions options, Func<AppHostDashboardResources> resources, AppHostStateFile stateFile, bool printLoginLink) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public Uri? Address { get; private set; }

    public string LoginUrl => Address is null ? throw new InvalidOperationException("The dashboard has not started.") : $"{Address.AbsoluteUri.TrimEnd('/')}/login?t={Uri.EscapeDataString(options.BrowserToken)}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _app = DashboardWebApplication.Build(options, resources());
        await _app.StartAsync(cancellationToken);
        Address = _app.BoundAddress();
        stateFile.SetDashboard(new DashboardInfo(Address.AbsoluteUri.TrimEnd('/'), LoginUrl));
        if (printLoginLink)
        {
            await System.Console.Out.WriteLineAsync($"[apphost] Dashboard: {LoginUrl}");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
