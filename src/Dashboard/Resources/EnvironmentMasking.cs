using System.Text.RegularExpressions;

namespace Outreach.Dashboard.Resources;

/// <summary>
/// Hides secrets in a resource's environment before the details page shows it: whole values of secret-looking
/// names (a password, secret, token, key, credential, or a name ending in "code"), and the password inside connection strings and URLs (the rest stays readable, because a host or port
/// is what one looks for when something does not connect).
/// </summary>
public static partial class EnvironmentMasking
{
    public const string Mask = "••••••••";

    private static readonly string[] SecretWords = ["PASSWORD", "SECRET", "TOKEN", "KEY", "HEADERS", "CREDENTIAL", "PWD"];

    public static IReadOnlyDictionary<string, string> MaskAll(IReadOnlyDictionary<string, string> environment) =>
        environment.ToDictionary(pair => pair.Key, pair => MaskValue(pair.Key, pair.Value), StringComparer.Ordinal);

    public static string MaskValue(string name, string value)
    {
        if (SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)) || NamesACode(name))
        {
            return Mask;
        }

        var masked = ConnectionStringPassword().Replace(value, match => $"{match.Groups["key"].Value}={Mask}");
        return UrlPassword().Replace(masked, match => $"{match.Groups["scheme"].Value}{match.Groups["user"].Value}:{Mask}@");
    }

    /// <summary>A verification or pass code (Sandbox__CheckpointCode, OTP_CODE); not a word that merely contains "code" (ENCODING).</summary>
    private static bool NamesACode(string name) => name.EndsWith("code", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<key>password|pwd)\s*=\s*[^;]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.-]*://)(?<user>[^:/@\s]+):[^@/\s]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();
}
