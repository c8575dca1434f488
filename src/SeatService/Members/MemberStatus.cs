namespace Outreach.SeatService.Members;

/// <summary>The status column of member_list; a deleted member has no row.</summary>
public static class MemberStatus
{
    public const string Active = "active";
    public const string Disabled = "disabled";
}
