using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Orchestration;
using Outreach.AppHost.Hosting.State;

namespace Outreach.AppHost.Hosting;

/// <summary>A built application: runs its resources until stopped (Ctrl+C, SIGTERM or <see cref="StopAsync"/>).</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DataDirectoryLock? _dataLock;
    private readonly DistributedApplicationOptions _options;
    private bool _started;
    private bool _disposed;
    private readonly IReadOnlyList<string>? _messages;

    internal DistributedApplication(IHost host, DataDirectory dataDirectory, DataDirectoryLock dataLock, DistributedApplicationOptions options)
    {
        _host = host;
        _dataLock = dataLock;
        _options = options;
        DataDirectory = dataDirectory;
    }

    private DistributedApplication(IHost host, IReadOnlyList<string> publishedFiles)
    {
        _host = host;
        _options = new DistributedApplicationOptions();
        DataDirectory = new DataDirectory(Path.GetDirectoryName(publishedFiles[0]) ?? ".");
        PublishedFiles = publishedFiles;
    }

    private DistributedApplication(IHost host, DataDirectory dataDirectory, IReadOnlyList<string> messages)
    {
        _host = host;
        _options = new DistributedApplicationOptions();
        DataDirectory = dataDirectory;
        _messages = messages;
    }

    /// <summary>A one-off command that already did its work (<c>rotate-operator-token</c>): Run prints what it did.</summary>
    internal static DistributedApplication Completed(HostApplicationBuilder host, DataDirectory dataDirectory, IReadOnlyList<string> messages) =>
        new(host.Build(), dataDirectory, messages);

    /// <summary>An application that was only published (<c>publish --target kubernetes</c>): Run prints what was written.</summary>
    internal static DistributedApplication Published(HostApplicationBuilder host, IReadOnlyList<string> files) =>
        new(host.Build(), files);

    /// <summary>The manifests written by <c>publish</c>; null for an application that runs.</summary>
    public IReadOnlyList<string>? PublishedFiles { get; }

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        CreateBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
    {
        ExplainedFailures.Install();
        return new DistributedApplicationBuilder(options);
    }

    public IServiceProvider Services => _host.Services;

    public DataDirectory DataDirectory { get; }

    public DistributedApplicationModel Model => Services.GetRequiredService<DistributedApplicationModel>();

    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    public ResourceCommandService ResourceCommands => Services.GetRequiredService<ResourceCommandService>();

    public ResourceLogStore ResourceLogs => Services.GetRequiredService<ResourceLogStore>();

    /// <summary>The operator token: generated once, kept in the data directory, given to projects WithOperatorToken().</summary>
    public string OperatorToken => StateFile.OperatorToken;

    /// <summary>apphost.json: later features add their <c>demo</c> and <c>dashboard</c> entries here.</summary>
    public AppHostStateFile StateFile => Services.GetRequiredService<AppHostStateFile>();

    /// <summary>Where the dashboard answers once started; null when the dashboard is disabled.</summary>
    public Uri? DashboardUrl => Services.GetService<Dashboard.DashboardHost>()?.Address;

    /// <summary>The dashboard's <c>/login?t=…</c> link of this run, as printed; null when the dashboard is disabled.</summary>
    public string? DashboardLoginUrl => Services.GetService<Dashboard.DashboardHost>() is { Address: not null } host ? host.LoginUrl : null;

    /// <summary>The browser token of this run (also accepted in <c>x-dashboard-token</c>); null when the dashboard is disabled.</summary>
    public string? DashboardBrowserToken => Services.GetService<Outreach.Dashboard.DashboardOptions>()?.BrowserToken;

    /// <summary>Starts every resource; returns at once (resources that wait for others stay Waiting meanwhile).</summary>
    /// <exception cref="DistributedApplicationException">A server the application needs is not installed.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Prerequisites.Verify(Model, Services.GetRequiredService<HostingSettings>());
        _started = true;
        await _host.StartAsync(cancellationToken);
    }

    /// <summary>Stops every resource in reverse dependency order.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>Starts, then runs until Ctrl+C or SIGTERM; a failure to start sets a non-zero exit code.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (_messages is not null)
        {
            foreach (var message in _messages)
            {
                await System.Console.Out.WriteLineAsync(message);
            }

            await DisposeAsync();
            return;
        }

        if (PublishedFiles is not null)
        {
            foreach (var file in PublishedFiles)
            {
                await System.Console.Out.WriteLineAsync($"[apphost] wrote {file}");
            }

            await DisposeAsync();
            return;
        }

        try
        {
            await StartAsync(cancellationToken);
            await _host.WaitForShutdownAsync(cancellationToken);
        }
        catch (DistributedApplicationException exception)
        {
            await System.Console.Error.WriteLineAsync(exception.Message);
            Environment.ExitCode = 1;
        }
        finally
        {
            await DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_started)
        {
            await _host.StopAsync();
        }

        _host.Dispose();
        _dataLock?.Dispose();
        if (_options.DeleteDataDirectoryOnDispose)
        {
            TryDelete(DataDirectory.Path);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be flushing a file as it exits; one retry after it has settled is enough.
            Thread.Sleep(500);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
