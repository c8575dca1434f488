namespace Outreach.Contracts;

/// <summary>
/// A seat's sending window, set in the onboarding wizard's Profile Settings: queued invitations go out only between
/// <c>StartMinute</c> and <c>EndMinute</c> (minutes after local midnight, end exclusive; start &lt; end) on
/// <c>Days</c> (0 = Sunday … 6 = Saturday), in the IANA <c>TimeZone</c>. Null Days means every day.
/// </summary>
public sealed record SeatWorkingHoursChanged(string SeatId, string AccountId, string KeyId, string TimeZone, int StartMinute, int EndMinute,
    IReadOnlyList<int>? Days, DateTimeOffset ChangedAt);
