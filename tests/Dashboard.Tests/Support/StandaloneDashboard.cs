using Microsoft.AspNetCore.Builder;
using Outreach.Dashboard.Resources;

namespace Outreach.Dashboard.Tests.Support;

/// <summary>
/// The dashboard's web application hosted in the test process on a free loopback port, without an AppHost: for the
/// receiver, the store and the access rules. The pages against a running system are tested through the AppHost.
/// </summary>
public sealed class StandaloneDashboard : IAsyncDisposable
{
    private StandaloneDashboard(WebApplication app, DashboardOptions options)
    {
        App = app;
        Options = options;
        BaseAddress = app.BoundAddress();
    }

    public WebApplication App { get; }

    public DashboardOptions Options { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<StandaloneDashboard> StartAsync(Action<DashboardOptions>? configure = null, IDashboardResourceService? resources = null)
    {
        var options = new DashboardOptions { BrowserToken = "test-browser-token-" + Guid.NewGuid().ToString("N") };
        configure?.Invoke(options);
        var app = DashboardWebApplication.Build(options, resources ?? new FixedResourceService([]));
        await app.StartAsync();
        return new StandaloneDashboard(app, options);
    }

    /// <summary>A client that is logged in through the token header.</summary>
    public HttpClient CreateClient(bool authenticated = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (authenticated)
        {
            client.DefaultRequestHeaders.Add("x-dashboard-token", Options.BrowserToken);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>A resource service with a fixed list, for tests that are not about resources.</summary>
public sealed class FixedResourceService(IReadOnlyList<DashboardResource> resources) : IDashboardResourceService
{
    public List<(string Name, string Command)> Commands { get; } = [];

    public IReadOnlyList<DashboardResource> GetResources() => resources;

    public IReadOnlyList<ConsoleLine> GetConsoleLines(string instanceName, long after) => [];

    public Task ExecuteCommandAsync(string name, string command, CancellationToken cancellationToken)
    {
        Commands.Add((name, command));
        return Task.CompletedTask;
    }

    public Task<string?> GetHealthReportAsync(string instanceName, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
