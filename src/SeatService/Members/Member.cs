using System.Text.Json;

namespace Outreach.SeatService.Members;

/// <summary>A person who administers an account. Rebuilt from its stream; decides which changes are legal.</summary>
public sealed class Member
{
    public string Uid { get; private set; } = "";
    public string AccountId { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string? Phone { get; private set; }
    public JsonElement Attributes { get; private set; } = MemberAttributes.Empty;
    public string AccountType { get; private set; } = AccountTypes.Developer;
    public bool IsDisabled { get; private set; }
    public bool IsDeleted { get; private set; }

    public void Apply(MemberAdded e)
    {
        Uid = e.MemberUid;
        AccountId = e.AccountId;
        Email = e.Email;
        DisplayName = e.DisplayName;
        Phone = e.Phone;
        AccountType = e.AccountType;
    }

    public void Apply(MemberProfileUpdated e)
    {
        Email = e.Email;
        DisplayName = e.DisplayName;
        Phone = e.Phone;
        Attributes = e.Attributes;
    }

    public void Apply(MemberAccountTypeChanged e) => AccountType = e.AccountType;

    public void Apply(MemberDisabled e) => IsDisabled = true;

    public void Apply(MemberDeleted e) => IsDeleted = true;

    public string Status => IsDisabled ? MemberStatus.Disabled : MemberStatus.Active;
}
