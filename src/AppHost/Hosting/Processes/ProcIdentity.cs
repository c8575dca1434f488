using System.Globalization;

namespace Outreach.AppHost.Hosting.Processes;

/// <summary>
/// A pid plus the kernel's start time of that pid: together they name one process for good,
/// so a pid reused by an unrelated process is never mistaken for ours.
/// </summary>
internal readonly record struct ProcIdentity(int Pid, long StartTime)
{
    public static ProcIdentity? Read(int pid)
    {
        var stat = ProcStat.Read(pid);
        return stat is null ? null : new ProcIdentity(pid, stat.Value.StartTime);
    }

    /// <summary>True while the very same process still exists (and is not a zombie).</summary>
    public bool IsAlive()
    {
        var stat = ProcStat.Read(Pid);
        return stat is not null && stat.Value.StartTime == StartTime && stat.Value.State != 'Z' && stat.Value.State != 'X';
    }

    public override string ToString() => Pid.ToString(CultureInfo.InvariantCulture);
}
