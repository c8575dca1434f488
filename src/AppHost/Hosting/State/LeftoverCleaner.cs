using Outreach.AppHost.Hosting.Processes;
using Outreach.AppHost.Hosting.RabbitMQ;

namespace Outreach.AppHost.Hosting.State;

/// <summary>Stops what an earlier run left behind when it was killed before it could stop its children.</summary>
internal static class LeftoverCleaner
{
    public static async Task<IReadOnlyList<PidRecord>> CleanAsync(DataDirectory directory, Action<string> report)
    {
        var path = directory.Combine("pids.json");
        var leftovers = PidRegistry.Load(path);
        var stopped = new List<PidRecord>();
        await Task.WhenAll(leftovers.Select(async record =>
        {
            var process = new ProcIdentity(record.Pid, record.StartTime);
            // Only the very process that run started: a reused pid belongs to someone else and is left alone.
            if (process.IsAlive())
            {
                report($"stopping {record.Name} (pid {record.Pid}) left by an earlier run");
                await ProcessTerminator.TerminateAsync(process, record.StopSignal, TimeSpan.FromSeconds(10));
                lock (stopped)
                {
                    stopped.Add(record);
                }
            }

            if (record.EpmdPort is { } epmdPort)
            {
                await EpmdDaemon.StopAsync(epmdPort);
            }
        }));
        File.Delete(path);
        // A killed run could not remove its apphost.json; what it says is no longer true.
        File.Delete(directory.StateFile);
        return stopped;
    }
}
