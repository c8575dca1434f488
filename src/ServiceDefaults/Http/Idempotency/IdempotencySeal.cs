using System.Security.Cryptography;
using System.Text;

namespace Outreach.ServiceDefaults.Http.Idempotency;

/// <summary>
/// A kept answer can carry what must not rest in the clear (a new access key and its secret, a connect link). The
/// row is therefore found by a hash of the Idempotency-Key and its body sealed with AES-256-GCM under a key derived
/// from the Idempotency-Key itself: only a caller presenting the same key again can read it; the database cannot.
/// The protection is as strong as the client's key, which is why clients are asked for random keys (UUIDs).
/// </summary>
public static class IdempotencySeal
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>What the row stores instead of the key: hex SHA-256 of scope and key.</summary>
    public static string RowKey(string scope, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + key)));

    public static byte[] Seal(string scope, string key, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var sealedBody = new byte[NonceSize + body.Length + TagSize];
        var nonce = sealedBody.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(BodyKey(scope, key), TagSize);
        aes.Encrypt(nonce, body, sealedBody.AsSpan(NonceSize, body.Length), sealedBody.AsSpan(NonceSize + body.Length), Encoding.UTF8.GetBytes(scope));
        return sealedBody;
    }

    /// <summary>The body again, or null when it cannot be opened with this key (a row written before sealing, or tampered).</summary>
    public static byte[]? Open(string scope, string key, byte[] sealedBody)
    {
        ArgumentNullException.ThrowIfNull(sealedBody);
        if (sealedBody.Length < NonceSize + TagSize)
            return null;
        var body = new byte[sealedBody.Length - NonceSize - TagSize];
        using var aes = new AesGcm(BodyKey(scope, key), TagSize);
        try
        {
            aes.Decrypt(sealedBody.AsSpan(0, NonceSize), sealedBody.AsSpan(NonceSize, body.Length), sealedBody.AsSpan(NonceSize + body.Length), body,
                Encoding.UTF8.GetBytes(scope));
            return body;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    /// <summary>A key of its own for the body (not the row's hash, which the database holds).</summary>
    private static byte[] BodyKey(string scope, string key) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes("outreach idempotent answer\n" + scope));
}
