using Outreach.Dashboard.Telemetry.Model;

namespace Outreach.Dashboard.Telemetry.Store;

/// <summary>One resource's logs (a ring of <c>MaxLogCount</c>) and how many of them are errors, for the Resources badge.</summary>
internal sealed class LogPartition(int maxLogCount)
{
    private readonly Lock _gate = new();
    private readonly LogRing _ring = new(maxLogCount);
    private int _errorCount;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ring.Count;
            }
        }
    }

    public int ErrorCount => Volatile.Read(ref _errorCount);

    public void Add(IReadOnlyList<LogEntry> entries, ref long sequence)
    {
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                entry.Sequence = Interlocked.Increment(ref sequence);
                var evicted = _ring.Add(entry);
                var change = (IsError(entry) ? 1 : 0) - (evicted is not null && IsError(evicted) ? 1 : 0);
                Volatile.Write(ref _errorCount, _errorCount + change);
            }
        }
    }

    public LogEntry[] Snapshot()
    {
        lock (_gate)
        {
            return _ring.Snapshot();
        }
    }

    private static bool IsError(LogEntry entry) => entry.Level is LogLevel.Error or LogLevel.Critical;
}
