using Outreach.Dashboard.Telemetry.Model;

namespace Outreach.Dashboard.Telemetry.Store;

/// <summary>
/// A fixed-size ring of one resource's logs: adding to a full ring overwrites the oldest, so ingestion never allocates
/// more than the entry itself. Not thread-safe; its partition locks around it.
/// </summary>
internal sealed class LogRing(int capacity)
{
    private readonly LogEntry[] _items = new LogEntry[Math.Max(1, capacity)];
    private int _oldest;

    public int Count { get; private set; }

    /// <summary>Adds <paramref name="entry"/>; returns the entry it pushed out, if the ring was full.</summary>
    public LogEntry? Add(LogEntry entry)
    {
        if (Count < _items.Length)
        {
            _items[(_oldest + Count) % _items.Length] = entry;
            Count++;
            return null;
        }

        var evicted = _items[_oldest];
        _items[_oldest] = entry;
        _oldest = (_oldest + 1) % _items.Length;
        return evicted;
    }

    /// <summary>A copy, oldest first: two block copies of references, so the lock around it is held for microseconds.</summary>
    public LogEntry[] Snapshot()
    {
        var copy = new LogEntry[Count];
        var firstPart = Math.Min(Count, _items.Length - _oldest);
        Array.Copy(_items, _oldest, copy, 0, firstPart);
        Array.Copy(_items, 0, copy, firstPart, Count - firstPart);
        return copy;
    }
}
