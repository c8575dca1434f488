using System.Collections.Concurrent;

namespace Outreach.AppHost.Hosting.Orchestration;

/// <summary>
/// The console output of every instance: the last lines in memory (for the dashboard and for failure
/// messages) and the whole run in &lt;data-dir&gt;/logs/&lt;instance&gt;.log.
/// </summary>
public sealed class ResourceLogStore(string logsDirectory) : IDisposable
{
    private const int KeptLines = 2000;
    private readonly ConcurrentDictionary<string, InstanceLog> _logs = new(StringComparer.Ordinal);

    /// <summary>Raised for every line (instance name, line), for live views such as the dashboard's console logs.</summary>
    public event Action<string, string>? LineAppended;

    public IReadOnlyList<string> GetLines(string instanceName) =>
        _logs.TryGetValue(instanceName, out var log) ? log.Snapshot(after: 0).Select(entry => entry.Text).ToList() : [];

    /// <summary>The kept lines numbered above <paramref name="after"/> (numbers start at 1 and never repeat in a run).</summary>
    public IReadOnlyList<ResourceLogEntry> GetEntries(string instanceName, long after) =>
        _logs.TryGetValue(instanceName, out var log) ? log.Snapshot(after) : [];

    /// <summary>The whole run's console output of one instance, as written to its file.</summary>
    public string? FilePath(string instanceName) =>
        _logs.TryGetValue(instanceName, out var log) ? log.Path : null;

    internal void Append(string instanceName, string line, bool isError = false)
    {
        _logs.GetOrAdd(instanceName, name => new InstanceLog(Path.Combine(logsDirectory, $"{name}.log"), KeptLines)).Append(line, isError);
        LineAppended?.Invoke(instanceName, line);
    }

    public void Dispose()
    {
        foreach (var log in _logs.Values)
        {
            log.Dispose();
        }
    }

    private sealed class InstanceLog(string path, int capacity) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly Queue<ResourceLogEntry> _lines = new();
        private readonly StreamWriter _file = new(path, append: false) { AutoFlush = true };
        private long _sequence;
        private bool _closed;

        public string Path => path;

        public void Append(string line, bool isError)
        {
            lock (_gate)
            {
                if (_lines.Count == capacity)
                {
                    _lines.Dequeue();
                }

                _lines.Enqueue(new ResourceLogEntry(++_sequence, DateTimeOffset.UtcNow, line, isError));
                if (!_closed)
                {
                    _file.WriteLine(line);
                }
            }
        }

        public List<ResourceLogEntry> Snapshot(long after)
        {
            lock (_gate)
            {
                return _lines.Where(entry => entry.Sequence > after).ToList();
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _closed = true;
                _file.Dispose();
            }
        }
    }
}

/// <summary>One console line of an instance: its number in the run, when it was read, and whether it came from stderr.</summary>
public sealed record ResourceLogEntry(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);
