using Microsoft.Extensions.Hosting;

namespace Outreach.AppHost.Hosting.State;

/// <summary>apphost.json exists exactly while the application runs.</summary>
internal sealed class AppHostStateFileService(AppHostStateFile stateFile) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        stateFile.Activate();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        stateFile.Remove();
        return Task.CompletedTask;
    }
}
