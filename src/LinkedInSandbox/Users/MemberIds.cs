using System.Security.Cryptography;
using System.Text;

namespace Outreach.LinkedInSandbox.Users;

/// <summary>
/// Deterministic LinkedIn-looking ids. Real provider ids are "ACoAA" followed by 34 URL-safe characters;
/// these are derived from a hash, so the same input always gives the same id, run after run.
/// </summary>
public static class MemberIds
{
    private const string Prefix = "ACoAA";
    private const int Length = 39;

    /// <summary>A logged-in account's own member id, from its username (case-insensitive).</summary>
    public static string ForUsername(string username) => FromHash(SHA256.HashData(Encoding.UTF8.GetBytes("member|" + username.ToLowerInvariant())));

    /// <summary>The provider_id a viewer sees for a profile: scoped to the viewer, as LinkedIn's ids are.</summary>
    public static string ForProfile(string viewerMemberId, string publicIdentifier) =>
        FromHash(HMACSHA256.HashData(Encoding.UTF8.GetBytes(viewerMemberId), Encoding.UTF8.GetBytes(publicIdentifier.ToLowerInvariant())));

    public static bool LooksLikeProviderId(string identifier) => identifier.StartsWith(Prefix, StringComparison.Ordinal) && identifier.Length == Length;

    /// <summary>A stable non-negative number from a text, to pick names, headlines and locations.</summary>
    public static int Pick(string text, string purpose, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "|" + text.ToLowerInvariant()));
        return (int)(BitConverter.ToUInt32(hash, 0) % (uint)count);
    }

    /// <summary>A short lowercase hex suffix, as LinkedIn adds to taken public identifiers.</summary>
    public static string Suffix(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("suffix|" + text.ToLowerInvariant())))[..6];

    private static string FromHash(byte[] hash)
    {
        var body = Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Prefix + body[..(Length - Prefix.Length)];
    }
}
