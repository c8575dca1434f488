using System.Collections.Concurrent;
using System.Text;

namespace Outreach.EventSourcing;

/// <summary>
/// Maps event types to the stable names stored in the log (<c>SeatAdded</c> → <c>seat_added</c>), so a renamed or
/// moved CLR type keeps reading old events: register it with its old alias. Types are also registered on first
/// append and from Apply/Project/relay signatures, but a process that only reads must know every alias it meets.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly ConcurrentDictionary<Type, string> _aliases = new();
    private readonly ConcurrentDictionary<string, Type> _types = new(StringComparer.Ordinal);

    public void AddEventType<T>() => AddEventType(typeof(T));

    public void AddEventType<T>(string alias) => AddEventType(typeof(T), alias);

    public void AddEventType(Type eventType, string? alias = null)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        alias ??= DefaultAlias(eventType);
        var known = _types.GetOrAdd(alias, eventType);
        if (known != eventType)
            throw new InvalidOperationException($"Event alias '{alias}' is already used by {known.FullName}; give {eventType.FullName} another alias.");
        _aliases.TryAdd(eventType, alias);
    }

    public IReadOnlyDictionary<string, Type> Types => _types;

    /// <summary>The alias of <paramref name="eventType"/>, registering it under its default alias when new.</summary>
    public string AliasFor(Type eventType)
    {
        if (_aliases.TryGetValue(eventType, out var alias))
            return alias;
        AddEventType(eventType);
        return _aliases[eventType];
    }

    public Type? TypeFor(string alias) => _types.GetValueOrDefault(alias);

    /// <summary>snake_case of the type's own name, without namespace: the name survives moving the type.</summary>
    public static string DefaultAlias(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        var name = eventType.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
            name = name[..tick];
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (i > 0 && (previousIsLower || (nextIsLower && char.IsUpper(name[i - 1]))))
                    builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        if (eventType.IsGenericType)
        {
            foreach (var argument in eventType.GetGenericArguments())
                builder.Append('_').Append(DefaultAlias(argument));
        }
        return builder.ToString();
    }
}
