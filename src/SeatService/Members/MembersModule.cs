using Outreach.EventSourcing;

namespace Outreach.SeatService.Members;

/// <summary>The members slice's wiring: what the event store must know, and the routes of both member APIs.</summary>
public static class MembersModule
{
    /// <summary>Registers the member event types, their inline projections and the read-table migrations (versions 100+).</summary>
    public static void AddMembers(EventStoreOptions opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        opts.Events.AddEventType<MemberAdded>();
        opts.Events.AddEventType<MemberProfileUpdated>();
        opts.Events.AddEventType<MemberAccountTypeChanged>();
        opts.Events.AddEventType<MemberDisabled>();
        opts.Events.AddEventType<MemberDeleted>();
        opts.Events.AddEventType<MemberInvited>();
        opts.Events.AddEventType<MemberInvitationRemoved>();
        opts.Events.AddEventType<MemberInvitationSuperseded>();
        opts.Projections.Add<MemberListProjection>();
        opts.Projections.Add<MemberInvitationsProjection>();
        foreach (var (version, name, sql) in MembersMigrations.Steps)
            opts.Migrations.Add(version, name, sql);
    }

    /// <summary>Maps seed 001's /user-management/ routes and seed 002's /v1/workspace/ routes; the caller applies authorization.</summary>
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app) => MembersApi.Map(app);
}
