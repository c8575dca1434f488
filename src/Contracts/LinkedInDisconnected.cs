namespace Outreach.Contracts;

/// <summary>
/// An identity's LinkedIn session ended. <c>Reason</c>: "logged_out" (we ended it: suspension, deletion),
/// "revoked" (the person logged out everywhere) or "expired" (the provider dropped it). The last two happened by
/// themselves, so seat-service marks the seat disconnected.
/// </summary>
public sealed record LinkedInDisconnected(string IdentityId, string AccountId, string KeyId, string? SeatId, string Reason, DateTimeOffset DisconnectedAt)
{
    public const string LoggedOut = "logged_out";
    public const string Revoked = "revoked";
    public const string Expired = "expired";

    public bool DroppedByItself => Reason is Revoked or Expired;
}
