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
        _logs.TryGetValue(instanceName, out var log) ? log.Snapshot() : [];

    internal void Append(string instanceName, string line)
    {
        _logs.GetOrAdd(instanceName, name => new InstanceLog(Path.Combine(logsDirectory, $"{name}.log"), KeptLines)).Append(line);
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
        private readonly Queue<string> _lines = new();
        private readonly StreamWriter _file = new(path, append: false) { AutoFlush = true };
        private bool _closed;

        public void Append(string line)
        {
            lock (_gate)
            {
                if (_lines.Count == capacity)
                {
                    _lines.Dequeue();
                }

                _lines.Enqueue(line);
                if (!_closed)
                {
                    _file.WriteLine(line);
                }
            }
        }

        public List<string> Snapshot()
        {
            lock (_gate)
            {
                return _lines.ToList();
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
