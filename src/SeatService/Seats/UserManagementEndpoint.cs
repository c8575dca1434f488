using System.Security.Claims;
using Outreach.EventSourcing;
using Outreach.SeatService.Auth;
using Outreach.SeatService.Connect;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Seats;

/// <summary>POST /functions/v1/api-user-management: one route, one action per call (seed 000).</summary>
public static class UserManagementEndpoint
{
    public static readonly string[] Actions = ["add", "suspend", "unsuspend", "migrate", "disconnect", "set_daily_limit"];

    /// <summary>
    /// A seat's stream is also written by consumers (LinkedInConnected, a dropped session), so a command that loses the
    /// race to one of those is decided again on the new state (ConflictRetry).
    /// </summary>
    public static Task<IResult> Handle(UserManagementRequest? request, ClaimsPrincipal user, HttpRequest http,
        IDocumentSession requestSession, IDocumentStore store, ConnectLinks links, AccessKeyDirectory keys, TimeProvider clock, CancellationToken ct) =>
        store.DecideWithRetryAsync(requestSession, session => DispatchAsync(request, user, http, session, links, keys, clock, ct));

    private static Task<IResult> DispatchAsync(UserManagementRequest? request, ClaimsPrincipal user, HttpRequest http,
        IDocumentSession session, ConnectLinks links, AccessKeyDirectory keys, TimeProvider clock, CancellationToken ct)
    {
        if (request is null)
            return Task.FromResult(Problems.Invalid("action", "A JSON body with an action is required."));
        var caller = user.Tenant();
        return request.Action switch
        {
            "add" => AddSeat.Handle(request, caller, http, session, links, clock, ct),
            "suspend" => SuspendSeat.Handle(request, caller, session, clock, ct),
            "unsuspend" => UnsuspendSeat.Handle(request, caller, http, session, links, clock, ct),
            "migrate" => MigrateSeats.Handle(request, caller, session, keys, clock, ct),
            "disconnect" => DisconnectSeat.Handle(request, caller, session, clock, ct),
            "set_daily_limit" => SetDailyLimit.Handle(request, caller, session, clock, ct),
            null or "" => Task.FromResult(Problems.Invalid("action", "action is required.")),
            _ => Task.FromResult(Problems.Invalid("action", $"Unknown action. Use one of: {string.Join(", ", Actions)}.")),
        };
    }
}
