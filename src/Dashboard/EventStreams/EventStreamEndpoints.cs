using Outreach.Dashboard.DeadLetters;

namespace Outreach.Dashboard.EventStreams;

/// <summary>The event streams slice (beyond Aspire): latest events, one stream's history, subscriptions, dead letters.</summary>
public static class EventStreamEndpoints
{
    public static IServiceCollection AddDashboardEventStreams(this IServiceCollection services, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(_ => new EventStoreReaders(options));
        services.AddSingleton(_ => new BrokerConnection(options));
        services.AddSingleton(provider => new DeadLetterQueues(provider.GetRequiredService<BrokerConnection>(), options.BrokerQueueCatalog));
        return services;
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/events", LatestEventsPage.Page);
        app.MapGet("/events/subscriptions", SubscriptionsPage.Page);
        app.MapGet("/events/deadletters", DeadLettersPage.Page);
        app.MapGet("/events/{service}/streams/{streamId}", (HttpContext http, EventStoreReaders readers, string service, string streamId) =>
            StreamHistoryPage.Page(http, readers, service, StreamIdRoute.StreamIdOf(http, streamId)));

        app.MapGet("/api/events", LatestEventsPage.Api);
        app.MapGet("/api/events/subscriptions", SubscriptionsPage.Api);
        app.MapGet("/api/events/{service}/streams/{streamId}", (HttpContext http, EventStoreReaders readers, string service, string streamId) =>
            StreamHistoryPage.Api(http, readers, service, StreamIdRoute.StreamIdOf(http, streamId)));
        app.MapGet("/api/deadletters", DeadLettersPage.Api);
        app.MapPost("/api/deadletters/{queue}/messages/{messageId}/redeliver", DeadLettersPage.Redeliver);
    }
}
