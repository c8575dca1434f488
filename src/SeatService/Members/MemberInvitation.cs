namespace Outreach.SeatService.Members;

/// <summary>An invitation for someone to join an account as a member. Open until it expires, is removed or is replaced.</summary>
public sealed class MemberInvitation
{
    public string InviteToken { get; private set; } = "";
    public string AccountId { get; private set; } = "";
    public string Email { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public bool IsClosed { get; private set; }

    public void Apply(MemberInvited e)
    {
        InviteToken = e.InviteToken;
        AccountId = e.AccountId;
        Email = e.Email;
        ExpiresAt = e.ExpiresAt;
    }

    public void Apply(MemberInvitationRemoved e) => IsClosed = true;

    public void Apply(MemberInvitationSuperseded e) => IsClosed = true;
}
