using System.Text.Json.Serialization;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>A member invitation as seed 001 lists it: who was invited, as what, by whom, and whether it is still open.</summary>
public sealed record InvitationView(
    string InviteToken,
    string Email,
    string AccountType,
    string InviteStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PlatformLink,
    InvitationView.Inviter InvitedBy,
    DateTimeOffset InvitedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Invitations are made by an access key of the account, not by a person.</summary>
    public sealed record Inviter(string KeyId);

    public static InvitationView From(InvitationRow row, DateTimeOffset now) => new(row.InviteToken, row.Email, row.AccountType,
        row.Status(now), row.PlatformLink, new Inviter(row.InvitedByKeyId), row.InvitedAt, row.ExpiresAt);
}
