using System.Globalization;
using Outreach.Dashboard.Telemetry.Store;

namespace Outreach.Dashboard.Bench;

/// <summary>What a store at its limits holds: GC heap after a full, compacting collection, and the process's RSS.</summary>
internal static class MemoryScenario
{
    public sealed record Result(int Resources, double HeapMiB, double HeapDeltaMiB, double RssMiB, double RssDeltaMiB, int Spans, int Logs, int Points);

    public static IReadOnlyList<Result> Run(TelemetryLimits limits, IReadOnlyList<int> resourceCounts)
    {
        var results = new List<Result>();
        foreach (var count in resourceCounts)
        {
            var (heapBefore, rssBefore) = Measure();
            var repository = new TelemetryRepository(limits);
            for (var r = 0; r < count; r++)
            {
                FillData.Fill(repository, $"service-{r}");
            }

            var (heap, rss) = Measure();
            var names = repository.ServiceNames;
            var spans = names.Sum(n => repository.GetTraces(new TraceQuery(n, 0, 0)).MatchedCount) * SpanPayloads.SpansPerTrace;
            results.Add(new Result(count, heap, heap - heapBefore, rss, rss - rssBefore, spans, names.Sum(repository.LogCount), names.Sum(repository.MetricPointCount)));
            GC.KeepAlive(repository);
        }

        return results;
    }

    private static (double HeapMiB, double RssMiB) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return (GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, RssKiB() / 1024.0);
    }

    /// <summary>VmRSS from /proc/self/status, in KiB.</summary>
    public static long RssKiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
