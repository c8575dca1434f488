namespace Outreach.SeatService.Members;

/// <summary>One open invitation from member_invitations. Whether it has expired is decided when it is read.</summary>
public sealed record InvitationRow(string InviteToken, string Email, string AccountType, string? PlatformLink,
    string InvitedByKeyId, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt)
{
    public const string Columns = "invite_token, email, account_type, platform_link, invited_by_key_id, invited_at, expires_at";

    public bool HasExpired(DateTimeOffset now) => ExpiresAt <= now;

    /// <summary>Seed 002's inviteStatus values, used by both APIs.</summary>
    public string Status(DateTimeOffset now) => HasExpired(now) ? "EXPIRED" : "ACTIVE";
}
