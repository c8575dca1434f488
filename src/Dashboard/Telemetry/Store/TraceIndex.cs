using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Outreach.Dashboard.Telemetry.Store;

/// <summary>
/// Every trace by id, with the fragments of each resource it crossed: what lets the trace list name every resource
/// involved without touching the partitions' locks. An entry lives while any resource still holds a fragment of it.
/// </summary>
internal sealed class TraceIndex
{
    private readonly ConcurrentDictionary<string, TraceEntry> _entries = new(StringComparer.Ordinal);
    private long _sequence;

    public int Count => _entries.Count;

    public ICollection<TraceEntry> Entries => _entries.Values;

    public TraceEntry? Find(string traceId) => _entries.GetValueOrDefault(traceId);

    public void Attach(TraceFragment fragment)
    {
        while (true)
        {
            var entry = _entries.GetOrAdd(fragment.TraceId, static (id, index) => new TraceEntry(id, Interlocked.Increment(ref index._sequence)), this);
            // A concurrent Detach may have emptied and dropped this entry between the lookup and the lock: then look again.
            if (entry.TryAdd(fragment))
            {
                return;
            }
        }
    }

    public void Detach(TraceFragment fragment)
    {
        if (_entries.TryGetValue(fragment.TraceId, out var entry) && entry.RemoveAndReportEmpty(fragment))
        {
            _entries.TryRemove(new KeyValuePair<string, TraceEntry>(fragment.TraceId, entry));
        }
    }
}

/// <summary>One trace: the order it was first seen in (newest first on the list) and its fragments per resource.</summary>
internal sealed class TraceEntry(string traceId, long firstSeen)
{
    private readonly Lock _gate = new();
    private ImmutableArray<TraceFragment> _fragments = [];
    private bool _closed;

    public string TraceId { get; } = traceId;

    public long FirstSeen { get; } = firstSeen;

    public ImmutableArray<TraceFragment> Fragments
    {
        get
        {
            lock (_gate)
            {
                return _fragments;
            }
        }
    }

    public bool TryAdd(TraceFragment fragment)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _fragments = _fragments.Add(fragment);
            return true;
        }
    }

    /// <summary>Removes the fragment; once none is left the entry closes for good, so no fragment can join a dropped entry.</summary>
    public bool RemoveAndReportEmpty(TraceFragment fragment)
    {
        lock (_gate)
        {
            _fragments = _fragments.Remove(fragment);
            _closed = _fragments.IsEmpty;
            return _closed;
        }
    }

    public bool Matches(string? resource)
    {
        foreach (var fragment in Fragments)
        {
            if (fragment.Matches(resource))
            {
                return true;
            }
        }

        return false;
    }
}
