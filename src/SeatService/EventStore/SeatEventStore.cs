using Outreach.EventSourcing;
using Outreach.SeatService.Accounts;
using Outreach.SeatService.Members;
using Outreach.SeatService.Migrations;
using Outreach.SeatService.Seats;

namespace Outreach.SeatService.EventStore;

/// <summary>seat-service's event store: its read tables and inline projections. Tests use it to act through the domain.</summary>
public static class SeatEventStore
{
    public const string ConnectionName = "seatsdb";

    public static void Configure(EventStoreOptions opts)
    {
        foreach (var (version, name, sql) in SeatServiceMigrations.Steps)
            opts.Migrations.Add(version, name, sql);
        opts.Projections.Add<AccountsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<SeatListProjection>(ProjectionLifecycle.Inline);
        MembersModule.AddMembers(opts);
    }
}
