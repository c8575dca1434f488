using System.Security.Cryptography;

namespace Outreach.IdentityService.LinkedIn;

public static class LoginIds
{
    public const string SessionPrefix = "sess_";

    public static string NewSessionId() => SessionPrefix + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 24);

    public static bool IsSessionId(string? value) =>
        value is { Length: 29 } && value.StartsWith(SessionPrefix, StringComparison.Ordinal) && value[SessionPrefix.Length..].All(char.IsAsciiLetterOrDigit);
}
