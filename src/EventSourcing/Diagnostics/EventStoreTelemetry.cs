using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Outreach.EventSourcing;

/// <summary>
/// The store's traces and metrics. Subscribe to both by <see cref="Name"/>: spans for appends, subscription
/// batches, relay publishes and rebuilds; counters for appended/delivered events and conflicts; a lag gauge
/// per running subscription.
/// </summary>
public static class EventStoreTelemetry
{
    public const string Name = "Outreach.EventSourcing";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> EventsAppended = Meter.CreateCounter<long>(
        "outreach.eventsourcing.events.appended", "{event}", "Events committed to the log.");

    internal static readonly Counter<long> AppendConflicts = Meter.CreateCounter<long>(
        "outreach.eventsourcing.append.conflicts", "{conflict}", "Units of work refused because a stream had moved on.");

    internal static readonly Histogram<double> AppendDuration = Meter.CreateHistogram<double>(
        "outreach.eventsourcing.append.duration", "s", "Time to commit one unit of work.");

    internal static readonly Counter<long> EventsDelivered = Meter.CreateCounter<long>(
        "outreach.eventsourcing.subscription.events", "{event}", "Events a subscription processed and checkpointed.");

    static EventStoreTelemetry()
    {
        Meter.CreateObservableGauge(
            "outreach.eventsourcing.subscription.lag",
            SubscriptionLagBoard.Observe,
            "{event}",
            "Committed events a running subscription has not processed yet (approximate: head sequence minus checkpoint sequence).");
    }

    /// <summary>Makes sure the gauge is registered before the first runner reports.</summary>
    internal static void EnsureInitialized()
    {
    }
}
