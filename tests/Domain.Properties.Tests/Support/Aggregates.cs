using System.Reflection;
using System.Text.Json;
using Outreach.EventSourcing;

namespace Outreach.Domain.Properties.Tests.Support;

/// <summary>
/// Rebuilds an aggregate the way the event store does (a new instance, then its public <c>Apply(TEvent)</c> for each
/// event), after a round trip of every event through the store's own JSON settings, as a read from the log would.
/// Unlike the store, an event with no Apply is an error here: the store would skip it silently and lose state.
/// </summary>
public static class Aggregates
{
    private static readonly JsonSerializerOptions StoreJson = new EventStoreOptions().Serializer;

    public static T Fold<T>(IEnumerable<object> events) where T : new()
    {
        var aggregate = new T();
        foreach (var e in events)
            Apply(aggregate, RoundTrip(e));
        return aggregate;
    }

    public static void Apply(object aggregate, object e)
    {
        var apply = aggregate.GetType().GetMethod("Apply", BindingFlags.Public | BindingFlags.Instance, [e.GetType()])
            ?? throw new InvalidOperationException($"{aggregate.GetType().Name} has no Apply({e.GetType().Name}): replaying its stream would drop the event.");
        apply.Invoke(aggregate, BindingFlags.DoNotWrapExceptions, null, [e], null);
    }

    public static object RoundTrip(object e) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(e, e.GetType(), StoreJson), e.GetType(), StoreJson)
        ?? throw new InvalidOperationException($"{e.GetType().Name} read back as null.");

    /// <summary>Every field of the aggregate, private ones included, as JSON: two aggregates in the same state print the same.</summary>
    public static string StateOf(object aggregate)
    {
        var fields = aggregate.GetType().GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{f.Name}={JsonSerializer.Serialize(f.GetValue(aggregate), StoreJson)}");
        return string.Join("\n", fields);
    }
}
