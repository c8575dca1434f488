using System.Globalization;

namespace Outreach.AppHost.Tests.Support;

/// <summary>Looks at processes the way `ps` does, through /proc.</summary>
internal static class ProcessInspector
{
    public static bool IsAlive(int pid, long startTime)
    {
        var stat = ReadStat(pid);
        return stat is { } s && s.StartTime == startTime && s.State is not ('Z' or 'X');
    }

    public static long? StartTime(int pid) => ReadStat(pid)?.StartTime;

    /// <summary>The process and every descendant, each with its start time (so a reused pid is never confused with it).</summary>
    public static IReadOnlyList<(int Pid, long StartTime)> Tree(int rootPid)
    {
        var all = Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? ReadStat(pid) : null)
            .OfType<(int Pid, char State, int ParentPid, long StartTime)>()
            .ToList();
        var result = all.Where(p => p.Pid == rootPid).Select(p => (p.Pid, p.StartTime)).ToList();
        for (var index = 0; index < result.Count; index++)
        {
            var parent = result[index].Pid;
            result.AddRange(all.Where(p => p.ParentPid == parent).Select(p => (p.Pid, p.StartTime)));
        }

        return result;
    }

    public static Dictionary<string, string> Environment(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0])
            .ToDictionary(group => group.Key, group => group.Last()[1]);

    private static (int Pid, char State, int ParentPid, long StartTime)? ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (pid, fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
