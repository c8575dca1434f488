namespace Outreach.Dashboard.EventStreams;

/// <summary>The event streams slice (beyond Aspire): latest events, one stream's history, subscriptions, dead letters.</summary>
public static class EventStreamEndpoints
{
    public static IServiceCollection AddDashboardEventStreams(this IServiceCollection services, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
