using Outreach.EventSourcing;
using Outreach.InvitationService.Seats;

namespace Outreach.InvitationService.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("invitationsdb");
        builder.Services.AddEventStore(opts =>
        {
            opts.ConnectionFromConfiguration("invitationsdb");
            opts.Migrations.Add(1, "seat_views", SeatViews.Migration);
            opts.Projections.Add<SeatViews>(ProjectionLifecycle.Inline);
        });
        builder.AddMessaging(queuePrefix: "invitation-service");
        builder.Services.AddSingleton(TimeProvider.System);
    }
}
