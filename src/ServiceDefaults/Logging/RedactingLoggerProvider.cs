using System.Collections;
using Microsoft.Extensions.Logging;

namespace Outreach.ServiceDefaults.Logging;

/// <summary>
/// Wraps one logger provider (console, OpenTelemetry, any other) so that every state and scope it is given has passed
/// <see cref="LogRedaction"/> first: the attributes a sink reads, and the message it renders, are the redacted ones.
/// Scopes are redacted as they are read, through the scope provider the factory shares with the wrapped provider.
/// </summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILoggerProvider Inner => inner;

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope scoped)
            scoped.SetScopeProvider(new RedactingScopeProvider(scopeProvider));
    }

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(RedactedState.From(state));

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs)
            {
                var redacted = RedactedState.From(pairs);
                inner.Log(logLevel, eventId, redacted, RedactedException.From(exception), static (s, _) => s.ToString());
                return;
            }
            // A state without structure (a plain object): only its rendered text can be redacted.
            var text = LogRedaction.Scrub(formatter(state, exception));
            inner.Log(logLevel, eventId, text, RedactedException.From(exception), static (s, _) => s);
        }
    }

    private sealed class RedactingScopeProvider(IExternalScopeProvider inner) : IExternalScopeProvider
    {
        public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
            inner.ForEachScope((scope, s) => callback(scope is null ? null : RedactedState.From(scope), s), state);

        public IDisposable Push(object? state) => inner.Push(state);
    }
}

/// <summary>
/// A structured-log state with every value redacted, rendering its message from the original template with the
/// redacted values; other states (a scope's plain string, an object) become their scrubbed text.
/// </summary>
internal sealed class RedactedState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";
    private readonly KeyValuePair<string, object?>[] _pairs;
    private readonly string _message;

    private RedactedState(KeyValuePair<string, object?>[] pairs, string message)
    {
        _pairs = pairs;
        _message = message;
    }

    public static object From(object state) => state switch
    {
        RedactedState already => already,
        IReadOnlyList<KeyValuePair<string, object?>> pairs => From(pairs),
        IEnumerable<KeyValuePair<string, object?>> pairs => From([.. pairs]),
        string text => LogRedaction.Scrub(text),
        _ => LogRedaction.Scrub(state.ToString() ?? ""),
    };

    public static RedactedState From(IReadOnlyList<KeyValuePair<string, object?>> pairs)
    {
        var redacted = new KeyValuePair<string, object?>[pairs.Count];
        string? template = null;
        for (var i = 0; i < pairs.Count; i++)
        {
            var (name, value) = pairs[i];
            if (name == OriginalFormat)
                template = value as string;
            redacted[i] = new(name, LogRedaction.Redact(name, value));
        }
        var message = template is null
            ? LogRedaction.Scrub(pairs.ToString() ?? "")
            : LogTemplate.Render(template, [.. redacted.Where(p => p.Key != OriginalFormat).Select(p => p.Value)]);
        return new RedactedState(redacted, message);
    }

    public KeyValuePair<string, object?> this[int index] => _pairs[index];

    public int Count => _pairs.Length;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _message;
}
