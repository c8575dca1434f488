using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Seats;

/// <summary>Loads a seat for writing, but only if it lives under the caller's key: another tenant's seat is "not found".</summary>
public static class TenantSeats
{
    public static async Task<IEventStream<Seat>?> LoadAsync(IDocumentSession session, string? seatId, CallerKey caller, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(seatId) || !seatId.StartsWith("usr_", StringComparison.Ordinal))
            return null;
        var stream = await session.Events.FetchForWriting<Seat>(seatId, ct);
        return stream.Aggregate is { } seat && seat.KeyId == caller.KeyId && seat.AccountId == caller.AccountId
            ? stream
            : null;
    }
}
