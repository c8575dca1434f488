using System.Collections.Concurrent;
using Outreach.Dashboard.Telemetry.Model;

namespace Outreach.Dashboard.Telemetry.Store;

/// <summary>
/// The dashboard's in-memory telemetry, in the role of Aspire's TelemetryRepository: per resource (service.name) at
/// most <see cref="TelemetryLimits"/> logs, traces and metric points, the oldest evicted. Ingestion locks only its own
/// resource's signal; readers copy references out under the same short locks and do all filtering outside them, so a
/// page being rendered never holds up telemetry arriving.
/// </summary>
public sealed class TelemetryRepository(TelemetryLimits limits)
{
    private readonly ConcurrentDictionary<string, ResourcePartition> _partitions = new(StringComparer.Ordinal);
    private readonly TraceIndex _traces = new();
    private long _logSequence;

    public TelemetryLimits Limits { get; } = limits ?? throw new ArgumentNullException(nameof(limits));

    /// <summary>The services that sent anything, by name.</summary>
    public IReadOnlyList<string> ServiceNames => [.. _partitions.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Every instance seen of every service, by service then instance.</summary>
    public IReadOnlyList<TelemetrySource> Sources =>
        [.. _partitions.Values.OrderBy(p => p.ServiceName, StringComparer.Ordinal)
            .SelectMany(p => p.Instances.Select(id => new TelemetrySource(p.ServiceName, id)))];

    public void AddSpans(TelemetrySource source, IReadOnlyList<SpanData> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0)
        {
            return;
        }

        // Grouped before the lock, so the lock covers only the dictionary work.
        var byTrace = new Dictionary<string, List<SpanData>>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            if (!byTrace.TryGetValue(span.TraceId, out var list))
            {
                byTrace.Add(span.TraceId, list = new List<SpanData>(4));
            }

            list.Add(span);
        }

        Partition(source).Spans.Add(byTrace);
    }

    public void AddLogs(TelemetrySource source, IReadOnlyList<LogEntry> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        if (logs.Count > 0)
        {
            Partition(source).Logs.Add(logs, ref _logSequence);
        }
    }

    public void AddMetrics(TelemetrySource source, IReadOnlyList<MetricInput> points)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count > 0)
        {
            Partition(source).Metrics.Add(source.InstanceId, points);
        }
    }

    /// <summary>How many of the service's stored logs are at Error or Critical: the Resources page's badge.</summary>
    public int ErrorLogCount(string serviceName) =>
        _partitions.TryGetValue(serviceName, out var partition) ? partition.Logs.ErrorCount : 0;

    public int LogCount(string serviceName) =>
        _partitions.TryGetValue(serviceName, out var partition) ? partition.Logs.Count : 0;

    /// <summary>Traces the service holds a part of (each resource counts its own, against its own limit).</summary>
    public int TraceCount(string serviceName) =>
        _partitions.TryGetValue(serviceName, out var partition) ? partition.Spans.TraceCount : 0;

    public int MetricPointCount(string serviceName) =>
        _partitions.TryGetValue(serviceName, out var partition) ? partition.Metrics.PointCount : 0;

    public LogPage GetLogs(LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matched = 0;
        var newestPerResource = new List<LogEntry>();
        foreach (var partition in PartitionsFor(query.Resource))
        {
            var logs = partition.Logs.Snapshot();
            var kept = 0;
            for (var i = logs.Length - 1; i >= 0; i--)
            {
                if (query.Matches(logs[i]))
                {
                    matched++;
                    if (kept++ < query.Limit)
                    {
                        newestPerResource.Add(logs[i]);
                    }
                }
            }
        }

        return new LogPage(matched, [.. newestPerResource.OrderByDescending(l => l.Sequence).Take(query.Limit)]);
    }

    public TracePage GetTraces(TraceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var wanted = Math.Max(0, query.Offset) + Math.Max(0, query.Limit);
        // The newest `wanted` entries, found with a heap of that size instead of sorting every trace stored.
        var newest = new PriorityQueue<TraceEntry, long>(wanted + 1);
        var matched = 0;
        foreach (var entry in _traces.Entries)
        {
            if (!entry.Matches(query.Resource))
            {
                continue;
            }

            matched++;
            if (wanted == 0)
            {
                continue;
            }

            if (newest.Count < wanted)
            {
                newest.Enqueue(entry, entry.FirstSeen);
            }
            else if (newest.TryPeek(out _, out var oldestKept) && entry.FirstSeen > oldestKept)
            {
                newest.EnqueueDequeue(entry, entry.FirstSeen);
            }
        }

        var ordered = new List<TraceEntry>(newest.Count);
        while (newest.TryDequeue(out var entry, out _))
        {
            ordered.Add(entry);
        }

        ordered.Reverse();
        var page = ordered.Skip(Math.Max(0, query.Offset))
            .Select(e => TraceAssembly.Summarize(e.TraceId, e.Fragments))
            .OfType<TraceSummary>()
            .ToList();
        return new TracePage(matched, page);
    }

    public TraceDetail? GetTrace(string traceId)
    {
        ArgumentNullException.ThrowIfNull(traceId);
        if (_traces.Find(traceId.ToLowerInvariant()) is not { } entry)
        {
            return null;
        }

        var fragments = entry.Fragments;
        return TraceAssembly.Summarize(entry.TraceId, fragments) is { } summary
            ? new TraceDetail(summary, TraceAssembly.Tree(fragments))
            : null;
    }

    public IReadOnlyList<InstrumentInfo> GetInstruments(string serviceName) =>
        _partitions.TryGetValue(serviceName, out var partition) ? partition.Metrics.Instruments() : [];

    public InstrumentSnapshot? GetInstrument(string serviceName, string meterName, string instrumentName) =>
        _partitions.TryGetValue(serviceName, out var partition) ? partition.Metrics.Instrument(meterName, instrumentName) : null;

    /// <summary>Every instrument of the service with every stored point.</summary>
    public IReadOnlyList<InstrumentSnapshot> GetMetrics(string serviceName) =>
        _partitions.TryGetValue(serviceName, out var partition) ? partition.Metrics.All() : [];

    private ResourcePartition Partition(TelemetrySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var partition = _partitions.GetOrAdd(source.ServiceName, static (name, repository) => new ResourcePartition(name, repository.Limits, repository._traces), this);
        partition.Saw(source);
        return partition;
    }

    private IEnumerable<ResourcePartition> PartitionsFor(string? resource)
    {
        if (!string.IsNullOrEmpty(resource) && _partitions.TryGetValue(resource, out var exact))
        {
            return [exact];
        }

        // No service of that name: it may be an instance id (seat-service-1); the entries' own match decides.
        return _partitions.Values;
    }
}
