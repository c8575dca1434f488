using Outreach.AppHost.Hosting.ApplicationModel;

namespace Outreach.AppHost.Hosting.Orchestration;

/// <summary>
/// The current snapshot of every resource instance, and ways to wait for a state: the same role as
/// Aspire's ResourceNotificationService.
/// </summary>
public sealed class ResourceNotificationService
{
    private readonly Lock _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, ResourceSnapshot> _snapshots = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Raised after every change, on the thread that made it.</summary>
    public event Action<ResourceSnapshot>? Changed;

    /// <summary>Every instance, in declaration order.</summary>
    public IReadOnlyList<ResourceSnapshot> GetSnapshots()
    {
        lock (_gate)
        {
            return _order.Select(name => _snapshots[name]).ToList();
        }
    }

    /// <summary>The snapshot of one instance, or of the only instance of a resource.</summary>
    public ResourceSnapshot? GetSnapshot(string name)
    {
        lock (_gate)
        {
            return _snapshots.GetValueOrDefault(name) ?? InstancesOf(name).FirstOrDefault();
        }
    }

    public Task WaitForResourceAsync(string name, string targetState, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(name, snapshot => snapshot.State == targetState, cancellationToken);

    /// <summary>Returns once every instance of the resource (or the named instance) is Running and Healthy.</summary>
    /// <exception cref="DistributedApplicationException">An instance failed to start.</exception>
    public Task WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(name, snapshot => snapshot.IsRunningAndHealthy, cancellationToken);

    /// <summary>Returns once every instance of the resource (or the named instance) satisfies the predicate.</summary>
    public async Task WaitForResourceAsync(string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var instances = InstancesOf(name);
                if (instances.Count == 0)
                {
                    throw new ArgumentException($"No resource is named '{name}'.", nameof(name));
                }

                if (instances.All(predicate))
                {
                    return;
                }

                if (instances.FirstOrDefault(snapshot => snapshot.State == KnownResourceStates.FailedToStart) is { } failed
                    && !predicate(failed))
                {
                    throw new DistributedApplicationException($"{failed.Name} failed to start: {failed.Message}");
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Every change from now on, until cancelled.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<ResourceSnapshot>();
        void Forward(ResourceSnapshot snapshot) => channel.Writer.TryWrite(snapshot);
        Changed += Forward;
        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            Changed -= Forward;
        }
    }

    internal void Publish(ResourceSnapshot snapshot)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(snapshot.Name, out var previous))
            {
                _order.Add(snapshot.Name);
            }
            else if (previous == snapshot)
            {
                return;
            }

            _snapshots[snapshot.Name] = snapshot;
            changed = _changed;
            _changed = NewSignal();
        }

        Changed?.Invoke(snapshot);
        changed.SetResult();
    }

    private List<ResourceSnapshot> InstancesOf(string name) =>
        _snapshots.TryGetValue(name, out var exact)
            ? [exact]
            : _order.Select(instance => _snapshots[instance]).Where(snapshot => snapshot.ResourceName == name).ToList();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
