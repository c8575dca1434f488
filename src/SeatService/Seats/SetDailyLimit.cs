using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Seats;

/// <summary>
/// action "set_daily_limit" (our addition, in the seed's style): {"action":"set_daily_limit","user_id","daily_limit"}
/// → {"success","user_id","daily_limit"}.
/// </summary>
public static class SetDailyLimit
{
    public sealed record Response(bool Success, string UserId, int DailyLimit);

    public static async Task<IResult> Handle(UserManagementRequest request, CallerKey caller,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.UserId))
            return Problems.Invalid("user_id", "user_id is required.");
        if (request.DailyLimit is not { } limit || !DailyLimits.IsValid(limit))
            return Problems.Invalid("daily_limit", DailyLimits.Rule);
        var stream = await TenantSeats.LoadAsync(session, request.UserId, caller, ct);
        if (stream?.Aggregate is not { } seat)
            return Problems.NotFound("user");
        if (seat.SetDailyLimit(limit, clock.GetUtcNow()) is not { } changes)
            return Problems.Conflict("The user was disconnected.");

        if (changes.Count > 0)
        {
            stream.AppendMany(changes);
            await session.SaveChangesAsync(ct);
        }
        return Results.Ok(new Response(true, seat.Id, limit));
    }
}
