using System.Globalization;
using Outreach.AppHost.Hosting.Processes;

namespace Outreach.AppHost.Hosting.RabbitMQ;

/// <summary>
/// The Erlang port mapper daemonises and outlives the node that started it. Each private node gets its own
/// epmd port; this finds that epmd by the port in its environment and ends it.
/// </summary>
internal static class EpmdDaemon
{
    public static async Task StopAsync(int port)
    {
        var marker = $"ERL_EPMD_PORT={port.ToString(CultureInfo.InvariantCulture)}";
        foreach (var stat in ProcStat.All())
        {
            if (IsEpmd(stat.Pid) && EnvironmentOf(stat.Pid).Contains(marker, StringComparer.Ordinal))
            {
                await ProcessTerminator.TerminateAsync(new ProcIdentity(stat.Pid, stat.StartTime), UnixSignal.Terminate, TimeSpan.FromSeconds(2));
            }
        }
    }

    private static bool IsEpmd(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm").Trim() == "epmd";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string[] EnvironmentOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/environ").Split('\0');
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
