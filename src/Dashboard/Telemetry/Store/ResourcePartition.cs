using System.Collections.Immutable;
using Outreach.Dashboard.Telemetry.Model;

namespace Outreach.Dashboard.Telemetry.Store;

/// <summary>
/// Everything one resource (service.name) sent, each signal behind its own lock: a reader copying logs never holds up
/// spans or metrics arriving, and a resource's ingestion never waits for another resource's.
/// </summary>
internal sealed class ResourcePartition(string serviceName, TelemetryLimits limits, TraceIndex traces)
{
    private ImmutableSortedSet<string> _instances = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    public string ServiceName { get; } = serviceName;

    public SpanPartition Spans { get; } = new(serviceName, limits.MaxTraceCount, traces);

    public LogPartition Logs { get; } = new(limits.MaxLogCount);

    public MetricPartition Metrics { get; } = new(limits.MaxMetricPointCount);

    /// <summary>The instance ids seen, so the pages can tell seat-service-1 from seat-service-2.</summary>
    public ImmutableSortedSet<string> Instances => Volatile.Read(ref _instances);

    public void Saw(TelemetrySource source)
    {
        if (!Instances.Contains(source.InstanceId))
        {
            ImmutableInterlocked.Update(ref _instances, static (set, id) => set.Add(id), source.InstanceId);
        }
    }
}
