using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;
using Outreach.IdentityService.LinkedIn;
using Outreach.IdentityService.PersonalData;
using Outreach.IdentityService.Seats;

namespace Outreach.IdentityService.EventStore;

/// <summary>identity-service's event store: its read tables and inline projections. Tests use it to act through the domain.</summary>
public static class IdentityEventStore
{
    public const string ConnectionName = "identitiesdb";

    /// <summary>Forward-only: never edit a shipped step, add a new one.</summary>
    public static void Configure(EventStoreOptions opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        opts.Migrations.Add(1, "seat_views", SeatViews.Migration);
        opts.Migrations.Add(2, "identity_keys", IdentityKeys.Migration);
        opts.Migrations.Add(3, "identity_list", IdentityListProjection.Migration);
        opts.Migrations.Add(4, "login_sessions_and_keys", LoginSessionsProjection.Migration + LoginKeys.Migration);
        opts.Migrations.Add(5, "identity_list_linkedin", IdentityListProjection.LinkedInColumnsMigration);
        opts.Projections.Add<SeatViews>(ProjectionLifecycle.Inline);
        opts.Projections.Add<IdentityListProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<LoginSessionsProjection>(ProjectionLifecycle.Inline);
    }
}
