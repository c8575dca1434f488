using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;
using Outreach.InvitationService.Seats;

namespace Outreach.InvitationService.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("invitationsdb");
        builder.AddIdempotencyKeys();
        builder.Services.AddEventStore(opts =>
        {
            opts.ConnectionFromConfiguration("invitationsdb");
            opts.Migrations.Add(1, "seat_views", SeatViews.Migration);
            opts.Projections.Add<SeatViews>(ProjectionLifecycle.Inline);
        });
        // Consumers of this assembly by convention, plus the revocation consumer the key cache needs.
        builder.AddMessaging(bus => bus.AddAccessKeyRevocations(), queuePrefix: "invitation-service");

        // Access keys belong to seat-service; this service asks it, and tenant routes require the same policy as there.
        builder.AddRemoteAccessKeyAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessKeyScheme.Name, p => p.AddAuthenticationSchemes(AccessKeyScheme.Name).RequireAuthenticatedUser());
        builder.Services.AddSingleton(TimeProvider.System);
    }
}
