using System.Reflection;

namespace Outreach.EventSourcing;

/// <summary>
/// A read model kept in plain tables. Write one method per event type,
/// <c>public Task Project(SeatAdded e, ProjectionContext ctx)</c>, using ctx.ExecuteAsync for SQL. Inline, these
/// run in the append's own transaction; <see cref="ResetAsync"/> empties the tables so a rebuild can replay the log.
/// Project methods must depend only on the event and the tables (not on the clock or other services), so a replay
/// gives the same rows.
/// </summary>
public abstract class EventProjection
{
    private readonly Dictionary<Type, MethodInfo> _handlers;

    protected EventProjection()
    {
        Name = GetType().Name;
        _handlers = GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == "Project" && m.ReturnType == typeof(Task) && m.GetParameters() is [_, { ParameterType: var c }] && c == typeof(ProjectionContext))
            .ToDictionary(m => m.GetParameters()[0].ParameterType);
    }

    /// <summary>Stable name; keys the rebuild progress. Defaults to the class name.</summary>
    public string Name { get; protected init; }

    /// <summary>The event types this projection has a Project method for.</summary>
    public IReadOnlyCollection<Type> HandledTypes => _handlers.Keys;

    public bool Handles(Type eventType) => _handlers.ContainsKey(eventType);

    /// <summary>Dispatches to the matching Project method; events without one are ignored.</summary>
    public virtual Task ApplyAsync(IEvent storedEvent, ProjectionContext context)
    {
        ArgumentNullException.ThrowIfNull(storedEvent);
        ArgumentNullException.ThrowIfNull(context);
        if (!_handlers.TryGetValue(storedEvent.EventType, out var handler))
            return Task.CompletedTask;
        context.Event = storedEvent;
        return (Task)handler.Invoke(this, BindingFlags.DoNotWrapExceptions, null, [storedEvent.Data, context], null)!;
    }

    /// <summary>Deletes every row this projection owns (TRUNCATE or DELETE), at the start of a rebuild.</summary>
    public abstract Task ResetAsync(SqlContext context);
}
