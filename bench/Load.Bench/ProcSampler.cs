using System.Globalization;

namespace Outreach.Load.Bench;

/// <summary>One resource's figures over a phase: RSS of its main process and PSS of its whole process tree (MB), CPU in cores.</summary>
internal sealed record ProcessResult(string Resource, double RssMb, double PeakRssMb, double PeakTreePssMb, double AverageCpu, double PeakCpu, double FirstMinuteRssMb, double LastMinuteRssMb);

/// <summary>
/// Samples every resource's processes from /proc once a second: the main process's VmRSS, the PSS of the process and
/// all its descendants (PostgreSQL's backends, RabbitMQ's Erlang VM: PSS shares shared memory out fairly instead of
/// counting it once per backend), and the CPU time of the tree between samples. The harness itself is sampled too.
/// </summary>
internal sealed class ProcSampler(Func<IReadOnlyList<(string Name, int Pid)>> processes)
{
    public const string Harness = "load harness (client, with the AppHost)";
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly Dictionary<string, List<(double At, double RssMb, double TreePssMb, double Cpu)>> _samples = [];
    private readonly Dictionary<string, (double At, long Ticks)> _last = [];

    public async Task RunAsync(CancellationToken stop)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            Sample(clock.Elapsed.TotalSeconds);
            try
            {
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private void Sample(double at)
    {
        var children = ChildrenByParent();
        foreach (var (name, pid) in processes().Append((Harness, Environment.ProcessId)))
        {
            // The harness hosts the AppHost, so every resource descends from it: it is counted alone.
            var tree = name == Harness ? [pid] : Tree(pid, children);
            var rss = StatusKb(pid, "VmRSS:") / 1024.0;
            var pss = tree.Sum(p => RollupKb(p, "Pss:")) / 1024.0;
            var ticks = tree.Sum(CpuTicks);
            var cpu = 0.0;
            if (_last.TryGetValue(name, out var last) && at > last.At && ticks >= last.Ticks)
                cpu = (ticks - last.Ticks) / TicksPerSecond / (at - last.At);
            _last[name] = (at, ticks);
            if (!_samples.TryGetValue(name, out var list))
                _samples[name] = list = [];
            lock (list)
                list.Add((at, rss, pss, cpu));
        }
    }

    public List<ProcessResult> Results()
    {
        var results = new List<ProcessResult>();
        foreach (var (name, list) in _samples.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            List<(double At, double RssMb, double TreePssMb, double Cpu)> samples;
            lock (list)
                samples = [.. list];
            if (samples.Count == 0)
                continue;
            var end = samples[^1].At;
            var start = samples[0].At;
            var first = samples.Where(s => s.At <= start + 60).Select(s => s.RssMb).DefaultIfEmpty(double.NaN).Average();
            var lastMinute = samples.Where(s => s.At >= end - 60).Select(s => s.RssMb).DefaultIfEmpty(double.NaN).Average();
            results.Add(new ProcessResult(name, samples[^1].RssMb, samples.Max(s => s.RssMb), samples.Max(s => s.TreePssMb),
                samples.Skip(1).Select(s => s.Cpu).DefaultIfEmpty(0).Average(), samples.Max(s => s.Cpu), first, lastMinute));
        }
        return results;
    }

    private static Dictionary<int, List<int>> ChildrenByParent()
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            var parent = Stat(pid) is { } stat ? int.Parse(stat[1], CultureInfo.InvariantCulture) : -1;
            if (parent <= 0)
                continue;
            if (!children.TryGetValue(parent, out var list))
                children[parent] = list = [];
            list.Add(pid);
        }
        return children;
    }

    private static List<int> Tree(int root, Dictionary<int, List<int>> children)
    {
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
            if (children.TryGetValue(tree[i], out var mine))
                tree.AddRange(mine);
        return tree;
    }

    /// <summary>The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long CpuTicks(int pid) =>
        Stat(pid) is { } stat ? long.Parse(stat[11], CultureInfo.InvariantCulture) + long.Parse(stat[12], CultureInfo.InvariantCulture) : 0;

    private static long StatusKb(int pid, string field) => FieldKb($"/proc/{pid}/status", field);

    private static long RollupKb(int pid, string field) => FieldKb($"/proc/{pid}/smaps_rollup", field);

    private static long FieldKb(string path, string field)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }
}
