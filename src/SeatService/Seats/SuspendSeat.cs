using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Seats;

/// <summary>action "suspend": an active seat stops; its record and settings stay → {"success","user_id","status":"suspended"}.</summary>
public static class SuspendSeat
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
        if (seat.Suspend(clock.GetUtcNow()) is not { } suspended)
            return Problems.Conflict($"A {seat.Status.ToString().ToLowerInvariant()} user cannot be suspended.");

        stream.AppendOne(suspended);
        await session.SaveChangesAsync(ct);
        return Results.Ok(new Response(true, seat.Id, "suspended"));
    }
}
