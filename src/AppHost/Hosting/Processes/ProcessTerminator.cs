using System.Diagnostics;

namespace Outreach.AppHost.Hosting.Processes;

/// <summary>
/// Ends a process and everything it started: first the graceful signal the program understands,
/// then SIGKILL for whatever is still there when the grace period ends.
/// </summary>
internal static class ProcessTerminator
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task TerminateAsync(ProcIdentity root, int gracefulSignal, TimeSpan gracePeriod)
    {
        if (!root.IsAlive())
        {
            return;
        }

        // Taken before signalling: once the root dies its children are re-parented and can no longer be found from it.
        var tree = ProcessTree.Descendants(root.Pid);
        if (gracefulSignal != UnixSignal.Kill)
        {
            UnixSignal.Send(root.Pid, gracefulSignal);
            await WaitUntilGoneAsync([root], gracePeriod);
        }

        var everything = tree.Concat(ProcessTree.Descendants(root.Pid)).Prepend(root).Distinct().ToList();
        foreach (var process in everything.Where(process => process.IsAlive()))
        {
            UnixSignal.Send(process.Pid, UnixSignal.Kill);
        }

        await WaitUntilGoneAsync(everything, TimeSpan.FromSeconds(10));
    }

    private static async Task WaitUntilGoneAsync(IReadOnlyList<ProcIdentity> processes, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (processes.Any(process => process.IsAlive()) && clock.Elapsed < timeout)
        {
            await Task.Delay(PollInterval);
        }
    }
}
