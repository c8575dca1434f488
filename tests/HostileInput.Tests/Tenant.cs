namespace Outreach.HostileInput.Tests;

/// <summary>What exists before the corpus runs, so that cases can aim at real ids as well as at ids that do not exist.</summary>
public sealed record Tenant(
    IssuedKey Key,
    string SeatId,
    string ConnectToken,
    string IdentityId,
    string LoginSessionId,
    string LinkedInAccountId,
    string MemberUid);
