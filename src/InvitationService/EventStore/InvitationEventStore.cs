using Outreach.EventSourcing;
using Outreach.InvitationService.Invitations;
using Outreach.InvitationService.Seats;
using Outreach.InvitationService.Senders;

namespace Outreach.InvitationService.EventStore;

/// <summary>invitation-service's event store: its read tables and inline projections. Tests use it to act through the domain.</summary>
public static class InvitationEventStore
{
    public const string ConnectionName = "invitationsdb";

    /// <summary>Forward-only: never edit a shipped step, add a new one.</summary>
    public static void Configure(EventStoreOptions opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        opts.Migrations.Add(1, "seat_views", SeatViews.Migration);
        opts.Migrations.Add(2, "invitations", SeatViews.DailyLimitMigration + SendingAccounts.Migration + InvitationList.Migration + PacedSender.Migration);
        opts.Migrations.Add(3, "seat_working_hours", SeatViews.WorkingHoursMigration);
        opts.Migrations.Add(4, "invitation_list_queued", InvitationList.QueuedIndexMigration);
        opts.Projections.Add<SeatViews>(ProjectionLifecycle.Inline);
        opts.Projections.Add<SendingAccounts>(ProjectionLifecycle.Inline);
        opts.Projections.Add<InvitationList>(ProjectionLifecycle.Inline);
    }
}
