using System.Text.Json;

namespace Outreach.SeatService.Members;

// Every member event names its account, so the read tables and any later integration message need no second lookup.
// Emails and phones are personal data: they live in events and read tables, never in logs.

public sealed record MemberAdded(string MemberUid, string AccountId, string Email, string DisplayName, string? Phone,
    string AccountType, DateTimeOffset AddedAt);

/// <summary>Carries the whole profile after the change, so replaying it needs no merge logic.</summary>
public sealed record MemberProfileUpdated(string MemberUid, string AccountId, string Email, string DisplayName, string? Phone,
    JsonElement Attributes, DateTimeOffset UpdatedAt);

public sealed record MemberAccountTypeChanged(string MemberUid, string AccountId, string AccountType, DateTimeOffset ChangedAt);

/// <summary>The member keeps their record but leaves the active users and may no longer act.</summary>
public sealed record MemberDisabled(string MemberUid, string AccountId, DateTimeOffset DisabledAt);

/// <summary>The member is removed from the account and from every list.</summary>
public sealed record MemberDeleted(string MemberUid, string AccountId, DateTimeOffset DeletedAt);
