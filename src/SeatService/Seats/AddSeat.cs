using Outreach.EventSourcing;
using Outreach.SeatService.Auth;
using Outreach.SeatService.Connect;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Seats;

/// <summary>action "add": a new pending seat and its connect link → {"success":true,"connect_url"}.</summary>
public static class AddSeat
{
    public const int DefaultDailyLimit = 25;

    public sealed record Response(bool Success, string ConnectUrl);

    public static async Task<IResult> Handle(UserManagementRequest request, CallerKey caller, HttpRequest http,
        IDocumentSession session, ConnectLinks links, TimeProvider clock, CancellationToken ct)
    {
        var dailyLimit = request.DailyLimit ?? DefaultDailyLimit;
        var seatId = Secrets.NewId("usr_");
        var link = links.Create();
        if (Seat.Add(seatId, caller.AccountId, caller.KeyId, dailyLimit, link.TokenHash, link.ExpiresAt, clock.GetUtcNow()) is not { } added)
            return Problems.Invalid("daily_limit", DailyLimits.Rule);
        session.Events.StartStream<Seat>(seatId, [.. added]);
        await session.SaveChangesAsync(ct);
        return Results.Ok(new Response(true, links.UrlFor(http, link.Token)));
    }
}
