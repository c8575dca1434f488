using Microsoft.Extensions.Hosting;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Orchestration;
using Spectre.Console;

namespace Outreach.AppHost.Hosting.Console;

/// <summary>
/// Shows resources, states and URLs while the AppHost runs: a live table in a terminal, one plain line
/// per change otherwise (CI logs, redirected output).
/// </summary>
internal sealed class ResourceConsoleView(ResourceNotificationService notifications, bool live) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _rendering = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (live)
        {
            _rendering = Task.Run(RenderLiveAsync, CancellationToken.None);
        }
        else
        {
            notifications.Changed += PrintLine;
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        notifications.Changed -= PrintLine;
        await _stop.CancelAsync();
        await _rendering;
    }

    public void Dispose() => _stop.Dispose();

    private static void PrintLine(ResourceSnapshot snapshot) =>
        System.Console.Out.WriteLine($"[apphost] {ResourceTable.Describe(snapshot)}");

    private async Task RenderLiveAsync()
    {
        var changed = new SemaphoreSlim(0);
        void Signal(ResourceSnapshot _) => changed.Release();
        notifications.Changed += Signal;
        try
        {
            await AnsiConsole.Live(ResourceTable.Render(notifications.GetSnapshots()))
                .AutoClear(false)
                .StartAsync(async context =>
                {
                    while (!_stop.IsCancellationRequested)
                    {
                        await changed.WaitAsync(TimeSpan.FromSeconds(1));
                        context.UpdateTarget(ResourceTable.Render(notifications.GetSnapshots()));
                    }

                    context.UpdateTarget(ResourceTable.Render(notifications.GetSnapshots()));
                });
        }
        finally
        {
            notifications.Changed -= Signal;
        }
    }
}
