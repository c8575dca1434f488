using System.Globalization;
using Outreach.LinkedInSandbox.Users;

namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>What a native login does, chosen by the plus-tag of its username (jane+2fa@example.com). See README.md.</summary>
public enum LoginScenario
{
    Connected,
    TwoFactor,
    TwoFactorSms,
    Otp,
    InApp,
    Captcha,
    PhoneRegister,
    WrongPassword,
    Restricted,
}

public static class LoginScenarios
{
    private static readonly Dictionary<string, LoginScenario> Tags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["2fa"] = LoginScenario.TwoFactor,
        ["sms"] = LoginScenario.TwoFactorSms,
        ["otp"] = LoginScenario.Otp,
        ["inapp"] = LoginScenario.InApp,
        ["captcha"] = LoginScenario.Captcha,
        ["phone"] = LoginScenario.PhoneRegister,
        ["wrongpw"] = LoginScenario.WrongPassword,
        ["restricted"] = LoginScenario.Restricted,
    };

    /// <summary>The scenario of a username; a missing or unknown tag logs straight in.</summary>
    public static LoginScenario Of(string username) =>
        Tag(username) is { } tag && Tags.TryGetValue(tag, out var scenario) ? scenario : LoginScenario.Connected;

    /// <summary>The tag between the first '+' of the local part and the '@' (or the end).</summary>
    public static string? Tag(string username)
    {
        var local = LocalPart(username);
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? null : local[(plus + 1)..];
    }

    /// <summary>The local part without its tag: the person's handle ("jane.doe").</summary>
    public static string Handle(string username)
    {
        var local = LocalPart(username);
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? local : local[..plus];
    }

    /// <summary>"jane.doe" → "Jane Doe": the name LinkedIn would show for the account.</summary>
    public static string DisplayName(string username)
    {
        var words = Words(Handle(username));
        return words.Count == 0 ? "Sandbox Member" : string.Join(' ', words.Select(Capitalize));
    }

    /// <summary>"jane.doe" → "jane-doe-1a2b3c": a public identifier in LinkedIn's style.</summary>
    public static string PublicIdentifier(string username)
    {
        var words = Words(Handle(username));
        var slug = words.Count == 0 ? "member" : string.Join('-', words).ToLowerInvariant();
        return $"{slug}-{MemberIds.Suffix(username)}";
    }

    private static string LocalPart(string username)
    {
        var at = username.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? username : username[..at];
    }

    private static List<string> Words(string handle) =>
        handle.Split(['.', '_', '-', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.All(char.IsAsciiLetterOrDigit))
            .ToList();

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..].ToLower(CultureInfo.InvariantCulture);
}
