using System.Collections.Concurrent;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.State;
using Outreach.AppHost.Testing;
using Xunit;

namespace Outreach.AppHost.Tests.Support;

/// <summary>The whole AppHost (Program.cs's declarations) started once through the testing entry, shared by a collection.</summary>
public sealed class RunningAppHost : IAsyncLifetime
{
    private readonly ConcurrentQueue<ResourceSnapshot> _history = new();
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>Every snapshot published since before the start, in order.</summary>
    public IReadOnlyList<ResourceSnapshot> History => _history.ToList();

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>();
        _app = await builder.BuildAsync();
        _app.ResourceNotifications.Changed += _history.Enqueue;
        using var timeout = new CancellationTokenSource(Resources.StartTimeout);
        await _app.StartAsync(timeout.Token);
        await WaitUntilAllHealthyAsync();
    }

    /// <summary>Tests in the collection restart things; each waits for the whole system to be back first.</summary>
    public async Task WaitUntilAllHealthyAsync()
    {
        using var timeout = new CancellationTokenSource(Resources.StartTimeout);
        await Task.WhenAll(Resources.All.Select(name => App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token)));
        // The AppHost polls a healthy resource every few seconds, so right after another test restarted a server its
        // snapshot can still say Healthy while a service reconnects. Ask the services themselves until they agree.
        await Task.WhenAll(Resources.Services.Select(name => WaitUntilServiceAnswersHealthyAsync(name, timeout.Token)));
    }

    private async Task WaitUntilServiceAnswersHealthyAsync(string service, CancellationToken cancellationToken)
    {
        using var http = App.CreateHttpClient(service);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == System.Net.HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Restarting: not listening yet.
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    public Task<DemoInfo> WaitForDemoAsync() => App.WaitForDemoAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RunningAppHostGroup : ICollectionFixture<RunningAppHost>
{
    public const string Name = "running apphost";
}
