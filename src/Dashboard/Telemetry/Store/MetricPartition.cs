using Outreach.Dashboard.Telemetry.Model;

namespace Outreach.Dashboard.Telemetry.Store;

/// <summary>
/// One resource's instruments, each with its series per (instance, dimension set). At most <c>MaxMetricPointCount</c>
/// points over all of them: a queue remembers which series each point went to, so the oldest point overall goes first.
/// </summary>
internal sealed class MetricPartition(int maxPointCount)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Meter, string Name), InstrumentState> _instruments = [];
    private readonly Queue<SeriesState> _arrivalOrder = new();

    public int PointCount
    {
        get
        {
            lock (_gate)
            {
                return _arrivalOrder.Count;
            }
        }
    }

    public void Add(string instanceId, IReadOnlyList<MetricInput> inputs)
    {
        lock (_gate)
        {
            foreach (var input in inputs)
            {
                var key = (input.Instrument.MeterName, input.Instrument.Name);
                if (!_instruments.TryGetValue(key, out var instrument))
                {
                    instrument = new InstrumentState();
                    _instruments.Add(key, instrument);
                }

                // The latest description wins: a meter may add a unit or description in a later version.
                instrument.Info = input.Instrument;
                var seriesKey = SeriesKey(instanceId, input.Dimensions);
                if (!instrument.Series.TryGetValue(seriesKey, out var series))
                {
                    series = new SeriesState(instanceId, input.Dimensions);
                    instrument.Series.Add(seriesKey, series);
                }

                while (_arrivalOrder.Count >= Math.Max(1, maxPointCount) && _arrivalOrder.TryDequeue(out var oldest))
                {
                    oldest.Points.Dequeue();
                }

                series.Add(input.Point);
                _arrivalOrder.Enqueue(series);
            }
        }
    }

    public IReadOnlyList<InstrumentInfo> Instruments()
    {
        lock (_gate)
        {
            return [.. _instruments.Values.Select(i => i.Info!).OrderBy(i => i.MeterName, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)];
        }
    }

    public InstrumentSnapshot? Instrument(string meter, string name)
    {
        lock (_gate)
        {
            return _instruments.TryGetValue((meter, name), out var instrument) ? instrument.Snapshot() : null;
        }
    }

    public IReadOnlyList<InstrumentSnapshot> All()
    {
        lock (_gate)
        {
            return [.. _instruments.Values.Select(i => i.Snapshot()).OrderBy(i => i.Info.MeterName, StringComparer.Ordinal).ThenBy(i => i.Info.Name, StringComparer.Ordinal)];
        }
    }

    private static string SeriesKey(string instanceId, AttributePair[] dimensions) =>
        instanceId + "\u0001" + string.Join('\u0002', dimensions.Select(d => d.Key + "\u0003" + d.Value));

    private sealed class InstrumentState
    {
        public InstrumentInfo? Info { get; set; }

        public Dictionary<string, SeriesState> Series { get; } = new(StringComparer.Ordinal);

        public InstrumentSnapshot Snapshot() => new(
            Info!,
            [.. Series.Values.Where(s => s.Points.Count > 0).Select(s => new MetricSeriesSnapshot(s.InstanceId, s.Dimensions, [.. s.Points]))]);
    }

    private sealed class SeriesState(string instanceId, AttributePair[] dimensions)
    {
        private MetricPoint? _last;

        public string InstanceId { get; } = instanceId;

        public AttributePair[] Dimensions { get; } = dimensions;

        public Queue<MetricPoint> Points { get; } = new();

        public void Add(MetricPoint point)
        {
            // A series' histogram keeps the same bounds export after export: share one array instead of one per point.
            if (point.Bounds is { } bounds && _last?.Bounds is { } previous && bounds.AsSpan().SequenceEqual(previous))
            {
                point = point with { Bounds = previous };
            }

            Points.Enqueue(point);
            _last = point;
        }
    }
}
