using System.Collections.Concurrent;
using System.Reflection;

namespace Outreach.EventSourcing;

/// <summary>
/// Rebuilds a plain class from its events by convention: <c>static T Create(TEvent)</c> or a parameterless
/// constructor for the first event, then <c>Apply(TEvent)</c> (void, or returning the next T) for each event.
/// </summary>
internal static class AggregateBuilder
{
    private static readonly ConcurrentDictionary<Type, AggregateShape> Shapes = new();

    public static T? Build<T>(IReadOnlyList<IEvent> events) where T : class
    {
        if (events.Count == 0)
            return null;
        var shape = Shapes.GetOrAdd(typeof(T), AggregateShape.Of);
        object? aggregate = null;
        foreach (var e in events)
        {
            if (aggregate is null && shape.Creators.TryGetValue(e.EventType, out var create))
            {
                aggregate = create.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [e.Data], null);
                continue;
            }
            aggregate ??= shape.NewInstance();
            if (shape.Appliers.TryGetValue(e.EventType, out var apply))
            {
                var next = apply.Invoke(aggregate, BindingFlags.DoNotWrapExceptions, null, [e.Data], null);
                if (apply.ReturnType != typeof(void) && next is not null)
                    aggregate = next;
            }
        }
        var last = events[^1];
        shape.SetIdentity(aggregate!, last.StreamId, last.Version);
        return (T)aggregate!;
    }

    /// <summary>The event types an aggregate knows, so their aliases are registered before the first read.</summary>
    public static IEnumerable<Type> EventTypesOf(Type aggregateType) =>
        Shapes.GetOrAdd(aggregateType, AggregateShape.Of).Appliers.Keys.Concat(Shapes[aggregateType].Creators.Keys);

    private sealed class AggregateShape
    {
        public required Type Type { get; init; }
        public required Dictionary<Type, MethodInfo> Appliers { get; init; }
        public required Dictionary<Type, MethodInfo> Creators { get; init; }
        public PropertyInfo? IdProperty { get; init; }
        public PropertyInfo? VersionProperty { get; init; }

        public static AggregateShape Of(Type type)
        {
            const BindingFlags instance = BindingFlags.Public | BindingFlags.Instance;
            var appliers = type.GetMethods(instance)
                .Where(m => m.Name == "Apply" && m.GetParameters().Length == 1 && (m.ReturnType == typeof(void) || m.ReturnType == type))
                .ToDictionary(m => m.GetParameters()[0].ParameterType);
            var creators = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.Name == "Create" && m.GetParameters().Length == 1 && m.ReturnType == type)
                .ToDictionary(m => m.GetParameters()[0].ParameterType);
            var id = type.GetProperty("Id", instance);
            var version = type.GetProperty("Version", instance);
            return new AggregateShape
            {
                Type = type,
                Appliers = appliers,
                Creators = creators,
                IdProperty = id is { PropertyType: var idType, CanWrite: true } && idType == typeof(string) ? id : null,
                VersionProperty = version is { PropertyType: var vType, CanWrite: true } && (vType == typeof(long) || vType == typeof(int)) ? version : null,
            };
        }

        public object NewInstance() =>
            Activator.CreateInstance(Type, nonPublic: true)
            ?? throw new InvalidOperationException($"{Type.Name} needs a parameterless constructor or a static Create(event) method.");

        public void SetIdentity(object aggregate, string streamId, long version)
        {
            IdProperty?.SetValue(aggregate, streamId);
            VersionProperty?.SetValue(aggregate, VersionProperty.PropertyType == typeof(int) ? (object)checked((int)version) : version);
        }
    }
}
