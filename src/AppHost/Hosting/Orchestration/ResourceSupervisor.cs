using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Processes;
using Outreach.AppHost.Hosting.State;

namespace Outreach.AppHost.Hosting.Orchestration;

/// <summary>
/// Runs one resource instance for the life of the application: waits for its dependencies, starts it,
/// watches its health, restarts it with backoff when it crashes, and obeys Start/Stop commands.
/// </summary>
internal sealed class ResourceSupervisor : IDisposable
{
    private static readonly TimeSpan HealthyPollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan UnhealthyPollInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly IResourceLauncher _launcher;
    private readonly SupervisorServices _services;
    private readonly RestartBackoff _backoff = new();
    private ResourceSnapshot _snapshot;
    private bool _desiredRunning = true;
    private bool _killOnStop;
    private CancellationTokenSource _runCancellation = new();
    private TaskCompletionSource _wake = NewSignal();
    private TaskCompletionSource _parked = NewSignal();
    private IReadOnlyList<ProcIdentity> _knownTree = [];

    public ResourceSupervisor(string instanceName, Resource resource, IResourceLauncher launcher, IReadOnlyList<string> waitsFor, SupervisorServices services)
    {
        Resource = resource;
        WaitsFor = waitsFor;
        _launcher = launcher;
        _services = services;
        _snapshot = new ResourceSnapshot(instanceName, resource.Name, resource.ResourceType, KnownResourceStates.NotStarted, null, null, launcher.Urls, 0, null, null);
        services.Notifications.Publish(_snapshot);
    }

    public string Name => _snapshot.Name;

    public Resource Resource { get; }

    public IReadOnlyList<string> WaitsFor { get; }

    /// <summary>What the AppHost set in the environment of the last start (inherited values left out), for the dashboard.</summary>
    public IReadOnlyDictionary<string, string> LaunchEnvironment { get; private set; } = new Dictionary<string, string>();

    /// <summary>The launcher's view of health in detail (a project's /health body), for the dashboard's details page.</summary>
    public Task<string?> DescribeHealthAsync(CancellationToken cancellationToken) => _launcher.DescribeHealthAsync(cancellationToken);

    public async Task RunAsync(CancellationToken shutdown)
    {
        while (!shutdown.IsCancellationRequested)
        {
            bool desiredRunning;
            CancellationToken runToken;
            Task wake;
            lock (_gate)
            {
                desiredRunning = _desiredRunning;
                runToken = _runCancellation.Token;
                wake = _wake.Task;
                if (!desiredRunning)
                {
                    _parked.TrySetResult();
                }
            }

            if (!desiredRunning)
            {
                await wake.WaitAsync(shutdown).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            using var run = CancellationTokenSource.CreateLinkedTokenSource(runToken, shutdown);
            var started = Stopwatch.StartNew();
            var outcome = await RunOnceAsync(run.Token);
            if (outcome == RunOutcome.FailedToStart)
            {
                lock (_gate)
                {
                    _desiredRunning = false;
                }
            }
            else if (outcome == RunOutcome.Crashed && !run.IsCancellationRequested)
            {
                var delay = _backoff.NextDelay(started.Elapsed);
                Publish(snapshot => snapshot with { RestartCount = snapshot.RestartCount + 1, Message = $"{snapshot.Message}; restarting in {delay.TotalSeconds:0.#} s" });
                await Task.Delay(delay, run.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        lock (_gate)
        {
            _parked.TrySetResult();
        }
    }

    /// <summary>Stops the instance (SIGKILL when <paramref name="kill"/>) and keeps it down until started again.</summary>
    public async Task StopAsync(bool kill)
    {
        Task parked;
        lock (_gate)
        {
            _desiredRunning = false;
            _killOnStop = kill;
            _runCancellation.Cancel();
            _runCancellation.Dispose();
            _runCancellation = new CancellationTokenSource();
            parked = _parked.Task;
        }

        await parked;
    }

    public void Start()
    {
        lock (_gate)
        {
            if (_desiredRunning)
            {
                return;
            }

            _desiredRunning = true;
            _killOnStop = false;
            // Whoever waits for the previous stop has its answer: the instance did park, and now runs again.
            _parked.TrySetResult();
            _parked = NewSignal();
            _wake.TrySetResult();
            _wake = NewSignal();
        }
    }

    private async Task<RunOutcome> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (WaitsFor.Count > 0)
        {
            Publish(snapshot => snapshot with { State = KnownResourceStates.Waiting, Health = null, Pid = null });
            try
            {
                foreach (var dependency in WaitsFor)
                {
                    await _services.Notifications.WaitForResourceHealthyAsync(dependency, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                Publish(snapshot => snapshot with { State = snapshot.RestartCount == 0 && snapshot.ExitCode is null ? KnownResourceStates.NotStarted : KnownResourceStates.Exited });
                return RunOutcome.Stopped;
            }
            catch (DistributedApplicationException exception)
            {
                return FailedToStart(exception.Message);
            }
        }

        Publish(snapshot => snapshot with { State = KnownResourceStates.Starting, Health = null, Pid = null, ExitCode = null, Message = null });
        ProcessStartInfo? startInfo;
        try
        {
            await _launcher.PrepareAsync(cancellationToken);
            startInfo = _launcher.CreateStartInfo();
            LaunchEnvironment = startInfo is null ? new Dictionary<string, string>() : GivenEnvironment(startInfo);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Publish(snapshot => snapshot with { State = KnownResourceStates.Exited });
            return RunOutcome.Stopped;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return FailedToStart(exception.Message);
        }

        return startInfo is null
            ? await RunWithoutProcessAsync(cancellationToken)
            : await RunProcessAsync(startInfo, cancellationToken);
    }

    private async Task<RunOutcome> RunWithoutProcessAsync(CancellationToken cancellationToken)
    {
        Publish(snapshot => snapshot with { State = KnownResourceStates.Running, Health = HealthStatus.Unhealthy, StartedAt = DateTimeOffset.UtcNow });
        await MonitorHealthAsync(null, cancellationToken);
        Publish(snapshot => snapshot with { State = KnownResourceStates.Exited, Health = null });
        return RunOutcome.Stopped;
    }

    private async Task<RunOutcome> RunProcessAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = DetachedProcess.InOwnSession(startInfo) };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data, isError: true);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            return FailedToStart($"{startInfo.FileName}: {exception.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var identity = ProcIdentity.Read(process.Id) ?? new ProcIdentity(process.Id, 0);
        _services.Pids.Record(new PidRecord(Name, identity.Pid, identity.StartTime, _launcher.GracefulStopSignal, _launcher.EpmdPort));
        Publish(snapshot => snapshot with { State = KnownResourceStates.Running, Health = HealthStatus.Unhealthy, Pid = identity.Pid, ExitCode = null, Message = null, StartedAt = DateTimeOffset.UtcNow });

        using var health = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var monitor = MonitorHealthAsync(identity, health.Token);
        var exited = process.WaitForExitAsync(CancellationToken.None);
        await Task.WhenAny(exited, Task.Delay(Timeout.Infinite, cancellationToken)).ContinueWith(_ => { }, TaskScheduler.Default);
        await health.CancelAsync();
        await monitor;

        var crashed = exited.IsCompleted;
        bool kill;
        lock (_gate)
        {
            kill = _killOnStop;
        }

        await ProcessTerminator.TerminateAsync(identity, kill ? UnixSignal.Kill : _launcher.GracefulStopSignal, _launcher.GracefulStopTimeout);
        // Children the crashed root left behind (found by the health monitor while it was alive) go too.
        foreach (var orphan in _knownTree.Where(child => child.IsAlive()))
        {
            UnixSignal.Send(orphan.Pid, UnixSignal.Kill);
        }

        await exited.WaitAsync(TimeSpan.FromSeconds(15), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        await _launcher.OnStoppedAsync();
        _services.Pids.Remove(Name);
        int? exitCode = process.HasExited ? process.ExitCode : null;
        Publish(snapshot => snapshot with
        {
            State = KnownResourceStates.Exited,
            Health = null,
            Pid = null,
            ExitCode = exitCode,
            Message = crashed ? $"exited unexpectedly with code {exitCode}" : null,
        });
        if (crashed)
        {
            _services.Logger.LogWarning("{Resource} exited unexpectedly with code {ExitCode}", Name, exitCode);
        }

        return crashed ? RunOutcome.Crashed : RunOutcome.Stopped;
    }

    private async Task MonitorHealthAsync(ProcIdentity? process, CancellationToken cancellationToken)
    {
        var readyWorkDone = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            bool healthy;
            try
            {
                healthy = await _launcher.CheckHealthAsync(cancellationToken);
                if (healthy && !readyWorkDone)
                {
                    await _launcher.OnFirstHealthyAsync(cancellationToken);
                    readyWorkDone = true;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                healthy = false;
                AppendLog($"[apphost] health check failed: {exception.Message}");
            }

            if (process is { } root)
            {
                _knownTree = ProcessTree.Descendants(root.Pid);
            }

            lock (_gate)
            {
                if (cancellationToken.IsCancellationRequested || _snapshot.State != KnownResourceStates.Running)
                {
                    return;
                }
            }

            Publish(snapshot => snapshot.State == KnownResourceStates.Running
                ? snapshot with { Health = healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy }
                : snapshot);
            await Task.Delay(healthy ? HealthyPollInterval : UnhealthyPollInterval, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private RunOutcome FailedToStart(string message)
    {
        _services.Logger.LogError("{Resource} failed to start: {Reason}", Name, message);
        AppendLog($"[apphost] failed to start: {message}");
        Publish(snapshot => snapshot with { State = KnownResourceStates.FailedToStart, Health = null, Pid = null, Message = message });
        return RunOutcome.FailedToStart;
    }

    private void AppendLog(string? line, bool isError = false)
    {
        if (line is not null)
        {
            _services.Logs.Append(Name, line, isError);
        }
    }

    private void Publish(Func<ResourceSnapshot, ResourceSnapshot> change)
    {
        ResourceSnapshot snapshot;
        lock (_gate)
        {
            snapshot = _snapshot = change(_snapshot);
        }

        _services.Notifications.Publish(snapshot);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _runCancellation.Dispose();
        }
    }

    private static Dictionary<string, string> GivenEnvironment(ProcessStartInfo startInfo)
    {
        var inherited = System.Environment.GetEnvironmentVariables();
        return startInfo.Environment
            .Where(pair => pair.Value is not null && !Equals(inherited[pair.Key], pair.Value))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.Ordinal);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
