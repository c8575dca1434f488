using System.Security.Cryptography;

namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>Opaque random identifiers: account ids in Unipile's 22-character style, and session tokens.</summary>
public static class SessionTokens
{
    public static string New() => "sess_" + Base64Url(32);

    public static string NewAccountId() => Base64Url(16);

    private static string Base64Url(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
