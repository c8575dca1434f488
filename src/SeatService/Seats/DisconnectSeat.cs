using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Seats;

/// <summary>
/// action "disconnect": the seat is deleted with its LinkedIn connection and leaves billing; it appears in no list
/// afterwards → {"success","user_id","status":"disconnected"}.
/// </summary>
public static class DisconnectSeat
{
    public sealed record Response(bool Success, string UserId, string Status);

    public static async Task<IResult> Handle(UserManagementRequest request, CallerKey caller,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.UserId))
            return Problems.Invalid("user_id", "user_id is required.");
        var stream = await TenantSeats.LoadAsync(session, request.UserId, caller, ct);
        if (stream?.Aggregate is not { } seat)
            return Problems.NotFound("user");
        if (seat.Disconnect(clock.GetUtcNow()) is not { } disconnected)
            return Problems.Conflict("The user was already disconnected.");

        stream.AppendOne(disconnected);
        // Crypto-shredding: without its key, the seat's LinkedIn name and URL in the log can never be read again.
        SeatKeys.Destroy(session, seat.Id);
        await session.SaveChangesAsync(ct);
        return Results.Ok(new Response(true, seat.Id, "disconnected"));
    }
}
