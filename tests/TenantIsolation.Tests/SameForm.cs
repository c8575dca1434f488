namespace Outreach.TenantIsolation.Tests;

/// <summary>An id that never existed, of the same form as a real one: same prefix, length and character classes.</summary>
public static class SameForm
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    public static string Of(string real)
    {
        var prefixEnd = real.LastIndexOf('_') + 1;
        var chars = real.ToCharArray();
        // A hexadecimal id stays hexadecimal, so it passes the same format checks as the real one.
        var lower = real[prefixEnd..].All(c => c is not (> 'f' and <= 'z')) ? "abcdef" : Lower;
        for (var i = prefixEnd; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= 'a' and <= 'z' => Pick(lower),
                >= 'A' and <= 'Z' => Pick(Upper),
                >= '0' and <= '9' => Pick(Digits),
                _ => chars[i],
            };
        }
        return new string(chars);
    }

    public static string Random(string prefix, int length) => Of(prefix + new string('a', length));

    private static char Pick(string alphabet) => alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
}
