namespace Outreach.SeatService.Seats;

public enum SeatStatus
{
    Pending,
    Active,
    Suspended,
    /// <summary>The LinkedIn connection dropped by itself (expired or revoked at the provider); the record stays.</summary>
    Disconnected,
    /// <summary>Removed by the disconnect action: in no list, out of billing.</summary>
    Deleted,
}
