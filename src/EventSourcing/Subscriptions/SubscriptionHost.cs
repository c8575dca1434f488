using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Outreach.EventSourcing;

/// <summary>Starts every registered subscription (and the NOTIFY listener) with the host, and stops them with it.</summary>
internal sealed class SubscriptionHost(IDocumentStore store, IEnumerable<EventSubscription> subscriptions, IServiceProvider services, ILoggerFactory loggers)
    : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];

    public IReadOnlyList<SubscriptionRunner> Runners { get; private set; } = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var documentStore = (DocumentStore)store;
        var list = subscriptions.ToList();
        var duplicate = list.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two subscriptions are named '{duplicate.Key}'.");
        if (list.Count == 0)
            return Task.CompletedTask;

        EventStoreTelemetry.EnsureInitialized();
        Runners = list.Select(s => new SubscriptionRunner(documentStore, s, services, loggers.CreateLogger<SubscriptionRunner>())).ToList();
        var listener = new NotificationListener(documentStore, loggers.CreateLogger<NotificationListener>());
        _loops.Add(Task.Run(() => listener.RunAsync(_stopping.Token), CancellationToken.None));
        foreach (var runner in Runners)
            _loops.Add(Task.Run(() => runner.RunAsync(_stopping.Token), CancellationToken.None));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }
}
