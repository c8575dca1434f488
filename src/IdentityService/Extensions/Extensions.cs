using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;
using Outreach.IdentityService.LinkedIn;
using Outreach.IdentityService.PersonalData;
using Outreach.ServiceDefaults.Auth;
using Outreach.IdentityService.Seats;

namespace Outreach.IdentityService.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("identitiesdb");
        builder.Services.AddEventStore(opts =>
        {
            opts.ConnectionFromConfiguration("identitiesdb");
            opts.Migrations.Add(1, "seat_views", SeatViews.Migration);
            opts.Projections.Add<SeatViews>(ProjectionLifecycle.Inline);
            opts.Migrations.Add(2, "identity_keys", IdentityKeys.Migration);
            opts.Migrations.Add(3, "identity_list", IdentityListProjection.Migration);
            opts.Projections.Add<IdentityListProjection>(ProjectionLifecycle.Inline);
            opts.Migrations.Add(4, "login_sessions_and_keys", LoginSessionsProjection.Migration + LoginKeys.Migration);
            opts.Migrations.Add(5, "identity_list_linkedin", IdentityListProjection.LinkedInColumnsMigration);
            opts.Projections.Add<LoginSessionsProjection>(ProjectionLifecycle.Inline);
        })
        .AddRelay(IdentityRelay.Configure);
        // Consumers of this assembly by convention, plus the revocation consumer the key cache needs.
        builder.AddMessaging(bus => bus.AddAccessKeyRevocations(), queuePrefix: "identity-service");

        // Access keys belong to seat-service; this service asks it, and tenant routes require the same policy as there.
        builder.AddRemoteAccessKeyAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessKeyScheme.Name, p => p.AddAuthenticationSchemes(AccessKeyScheme.Name).RequireAuthenticatedUser());

        builder.Services.Configure<LoginWatcherOptions>(builder.Configuration.GetSection("LinkedIn:LoginWatcher"));
        builder.Services.AddHostedService<LoginWatcher>();
        builder.AddLinkedInProvider();
    }
}
