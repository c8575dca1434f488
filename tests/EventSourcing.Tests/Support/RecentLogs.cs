using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Outreach.EventSourcing.Tests.Support;

/// <summary>
/// The host's last warnings and errors, kept in memory: xUnit does not show a host's console, and a failure that
/// happens once in many runs (a receive endpoint that never came back after a broker restart) must say why.
/// </summary>
public sealed class RecentLogs : ILoggerProvider
{
    private const int Kept = 40;
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Kept && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(RecentLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            owner.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}"
                + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})"));
        }
    }
}
