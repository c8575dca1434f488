using System.Security.Cryptography;
using System.Text;

namespace Outreach.SeatService.Auth;

/// <summary>Ids, keys and secrets: random, prefixed so a leaked one is recognisable, and stored only as hashes.</summary>
public static class Secrets
{
    public const string AccessKeyPrefix = "oak_";
    public const string SecretPrefix = "oas_";
    public const string KeyIdPrefix = "key_";

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewId(string prefix, int length = 20) => prefix + RandomString(length);

    public static string NewAccessKey() => AccessKeyPrefix + RandomString(40);

    public static string NewSecret() => SecretPrefix + RandomString(48);

    /// <summary>
    /// SHA-256 is enough here: keys carry ~200 bits of entropy, so a slow password hash would add latency to
    /// every request and no security.
    /// </summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public static bool HashMatches(string value, string expectedHash)
    {
        var actual = Encoding.ASCII.GetBytes(Hash(value));
        var expected = Encoding.ASCII.GetBytes(expectedHash);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string RandomString(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
