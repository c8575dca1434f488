using System.Diagnostics;

namespace Outreach.AppHost.Hosting.Orchestration;

/// <summary>What the supervisor needs to know to run one kind of resource instance.</summary>
internal interface IResourceLauncher
{
    IReadOnlyList<string> Urls { get; }

    /// <summary>The signal that asks the program to shut down cleanly.</summary>
    int GracefulStopSignal { get; }

    TimeSpan GracefulStopTimeout { get; }

    /// <summary>One-time work before each start: directories, configuration, initdb.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>The process to run, or null when nothing runs locally (an external resource).</summary>
    ProcessStartInfo? CreateStartInfo();

    Task<bool> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>Runs once per start when the instance first answers its health check (databases are created here).</summary>
    Task OnFirstHealthyAsync(CancellationToken cancellationToken);

    /// <summary>Runs after the process and its tree are gone (a daemonised epmd is stopped here).</summary>
    Task OnStoppedAsync();

    /// <summary>A health report in detail for the dashboard (null when the launcher has none beyond healthy/unhealthy).</summary>
    Task<string?> DescribeHealthAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>Extra detail kept in pids.json so a later run can clean up after this one.</summary>
    int? EpmdPort { get; }
}
