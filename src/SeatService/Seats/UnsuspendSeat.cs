using Outreach.EventSourcing;
using Outreach.SeatService.Connect;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Seats;

/// <summary>
/// action "unsuspend": the seat goes back to pending with a new connect link (older links stop working), because the
/// person must reconnect LinkedIn → {"success","user_id","status":"pending","connect_url"}.
/// </summary>
public static class UnsuspendSeat
{
    public sealed record Response(bool Success, string UserId, string Status, string ConnectUrl);

    public static async Task<IResult> Handle(UserManagementRequest request, CallerKey caller, HttpRequest http,
        IDocumentSession session, ConnectLinks links, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.UserId))
            return Problems.Invalid("user_id", "user_id is required.");
        var stream = await TenantSeats.LoadAsync(session, request.UserId, caller, ct);
        if (stream?.Aggregate is not { } seat)
            return Problems.NotFound("user");
        var link = links.Create();
        if (seat.Unsuspend(link.TokenHash, link.ExpiresAt, clock.GetUtcNow()) is not { } unsuspended)
            return Problems.Conflict($"A {seat.Status.ToString().ToLowerInvariant()} user cannot be unsuspended.");

        stream.AppendMany(unsuspended);
        await session.SaveChangesAsync(ct);
        return Results.Ok(new Response(true, seat.Id, "pending", links.UrlFor(http, link.Token)));
    }
}
