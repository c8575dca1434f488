namespace Outreach.SeatService.Seats;

/// <summary>One invitation counted towards a seat's UTC day (from invitation-service's InvitationSent).</summary>
public sealed record SeatInvitationCounted(string SeatId, string InvitationId, DateOnly Day, DateTimeOffset SentAt);

public static class SeatSends
{
    public static string StreamId(string seatId, DateOnly day) => $"sends-{seatId}-{day:yyyy-MM-dd}";
}
