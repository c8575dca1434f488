namespace Outreach.Load.Bench;

internal static class Machine
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Every resource's processes sampled once a second for <paramref name="duration"/> with no load.</summary>
    public static async Task<List<ProcessResult>> SampleIdleAsync(LoadSystem system, TimeSpan duration)
    {
        var sampler = new ProcSampler(system.Processes);
        using var stop = new CancellationTokenSource(duration);
        await sampler.RunAsync(stop.Token);
        return sampler.Results();
    }
}
