using Microsoft.Extensions.Configuration;

namespace Outreach.ServiceDefaults.Threading;

/// <summary>
/// Raises the thread pool's floor of worker threads (section "ThreadPool", MinWorkerThreads; 64 unless set).
/// Why: on a database server that hangs, Npgsql sends each cancel request synchronously, blocking a pool thread for up
/// to its 2 s connection timeout, one per stuck query, and the request deadline's cancellations run those on the pool
/// too. Below its floor the pool adds a thread only every half second or so, so under load every other request,
/// the deadline's own 503s included, waited for a thread: with PostgreSQL frozen the slowest answer came after
/// 10.9 s, against 7.0 s with this floor (RELIABILITY.md). The floor creates no thread until one is needed.
/// </summary>
public static class ThreadPoolFloor
{
    public const string SectionName = "ThreadPool";
    public const int DefaultMinWorkerThreads = 64;

    public static void Apply(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var floor = configuration.GetValue($"{SectionName}:MinWorkerThreads", DefaultMinWorkerThreads);
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (floor > workers)
            ThreadPool.SetMinThreads(floor, completionPorts);
    }
}
