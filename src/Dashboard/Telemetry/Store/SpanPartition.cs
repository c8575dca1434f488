using Outreach.Dashboard.Telemetry.Model;

namespace Outreach.Dashboard.Telemetry.Store;

/// <summary>One resource's trace fragments, at most <c>MaxTraceCount</c>; the oldest fragment goes first.</summary>
internal sealed class SpanPartition(string serviceName, int maxTraceCount, TraceIndex index)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TraceFragment> _fragments = new(StringComparer.Ordinal);
    private readonly Queue<TraceFragment> _arrivalOrder = new();

    public int TraceCount
    {
        get
        {
            lock (_gate)
            {
                return _fragments.Count;
            }
        }
    }

    /// <summary>Adds a batch already grouped by trace id, under one short lock.</summary>
    public void Add(Dictionary<string, List<SpanData>> spansByTrace)
    {
        lock (_gate)
        {
            foreach (var (traceId, spans) in spansByTrace)
            {
                if (!_fragments.TryGetValue(traceId, out var fragment))
                {
                    EvictWhileFull();
                    fragment = new TraceFragment(traceId, serviceName);
                    _fragments.Add(traceId, fragment);
                    _arrivalOrder.Enqueue(fragment);
                    index.Attach(fragment);
                }

                fragment.Append(spans);
            }
        }
    }

    private void EvictWhileFull()
    {
        while (_fragments.Count >= Math.Max(1, maxTraceCount) && _arrivalOrder.TryDequeue(out var oldest))
        {
            _fragments.Remove(oldest.TraceId);
            index.Detach(oldest);
        }
    }
}
