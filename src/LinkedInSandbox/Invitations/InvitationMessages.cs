using Outreach.LinkedInSandbox.Accounts;

namespace Outreach.LinkedInSandbox.Invitations;

/// <summary>
/// How long an invitation note may be: 300 characters, or 200 on a free LinkedIn account (LinkedIn's basic plan).
/// A free account is a login whose username carries the +free tag; it connects like an untagged login.
/// Characters are counted as .NET strings count them (UTF-16 code units), as a JavaScript client would.
/// </summary>
public static class InvitationMessages
{
    public const string FreeTag = "free";
    public const int PremiumMaxLength = 300;
    public const int FreeMaxLength = 200;

    public static bool IsFreeAccount(string username) => string.Equals(LoginScenarios.Tag(username), FreeTag, StringComparison.OrdinalIgnoreCase);

    public static int MaxLength(string username) => IsFreeAccount(username) ? FreeMaxLength : PremiumMaxLength;
}
