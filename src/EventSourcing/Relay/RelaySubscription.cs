using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Outreach.EventSourcing;

/// <summary>
/// The outbox is the event log: this subscription publishes each mapped event through MassTransit and checkpoints
/// only after the broker confirmed the whole batch. A failure retries the batch, so a message may go out twice but
/// never zero times; its MessageId is the event's id, so consumers' inboxes recognise the repeat.
/// </summary>
internal sealed class RelaySubscription : EventSubscription
{
    private readonly RelayOptions _options;

    public RelaySubscription(RelayOptions options)
    {
        _options = options;
        Name = options.Name;
        BatchSize = options.BatchSize;
        foreach (var type in options.Maps.Keys)
            IncludeType(type);
    }

    public override async Task ProcessEventsAsync(IReadOnlyList<IEvent> events, SubscriptionContext context)
    {
        var publisher = context.Services.GetRequiredService<IPublishEndpoint>();
        // Maps may read through the batch's connection, which serves one command at a time: map first, in order.
        var messages = new List<(IEvent Event, object Message)>(events.Count);
        foreach (var e in events)
        {
            if (_options.Maps.TryGetValue(e.EventType, out var map) && await map(e.Data, e, context) is { } message)
                messages.Add((e, message));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await Task.WhenAll(messages.Select(m => PublishAsync(publisher, m.Event, m.Message, timeout.Token)));
    }

    private static async Task PublishAsync(IPublishEndpoint publisher, IEvent e, object message, CancellationToken token)
    {
        using var activity = StartActivity(e);
        await publisher.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = e.Id;
            if (Guid.TryParse(e.CorrelationId, out var correlationId))
                context.CorrelationId = correlationId;
            if (e.CorrelationId is not null)
                context.Headers.Set(RelayHeaders.CorrelationId, e.CorrelationId);
            context.Headers.Set(RelayHeaders.EventSequence, e.Sequence);
        }), token);
    }

    /// <summary>
    /// A "relay publish" span whose parent is the span that appended the event, made current so MassTransit carries
    /// the trace on to the consumer. Without a listener on this source a bare Activity still carries the parent.
    /// </summary>
    private static Activity? StartActivity(IEvent e)
    {
        ActivityContext.TryParse(e.TraceParent, null, out var parent);
        var activity = EventStoreTelemetry.Source.StartActivity("relay publish", ActivityKind.Producer, parent);
        if (activity is null && e.TraceParent is not null)
            activity = new Activity("relay publish").SetParentId(e.TraceParent).Start();
        activity?.SetTag("messaging.message.id", e.Id.ToString());
        activity?.SetTag("outreach.eventsourcing.event_type", e.EventTypeName);
        return activity;
    }
}
