using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Outreach.EventSourcing;

/// <summary>Last known lag of every subscription running in this process, read by the lag gauge.</summary>
internal static class SubscriptionLagBoard
{
    private static readonly ConcurrentDictionary<string, long> Lags = new();

    public static void Report(string subscription, long lag) => Lags[subscription] = Math.Max(0, lag);

    public static void Remove(string subscription) => Lags.TryRemove(subscription, out _);

    public static IEnumerable<Measurement<long>> Observe() =>
        Lags.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("subscription", pair.Key)));
}
