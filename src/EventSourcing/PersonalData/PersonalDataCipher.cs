using System.Security.Cryptography;
using System.Text;

namespace Outreach.EventSourcing;

/// <summary>
/// Crypto-shredding: personal fields are written to the immutable event log encrypted with a key of their owner's own
/// (an identity, a seat) under AES-256-GCM, with the owner's id as associated data so a value cannot be moved to
/// another owner. The service keeps the keys in a deletable table; deleting the owner deletes its key, and every copy
/// of the data in the log becomes unreadable.
/// </summary>
public static class PersonalDataCipher
{
    private const string Version = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public static string Encrypt(byte[] key, string ownerId, string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var sealedValue = new byte[NonceSize + data.Length + TagSize];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, sealedValue.AsSpan(NonceSize, data.Length), sealedValue.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(ownerId));
        return Version + Convert.ToBase64String(sealedValue);
    }

    public static string Decrypt(byte[] key, string ownerId, string sealedText)
    {
        ArgumentNullException.ThrowIfNull(sealedText);
        if (!sealedText.StartsWith(Version, StringComparison.Ordinal))
            throw new CryptographicException("Unknown personal data format.");
        var sealedValue = Convert.FromBase64String(sealedText[Version.Length..]);
        var length = sealedValue.Length - NonceSize - TagSize;
        var data = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize, length), sealedValue.AsSpan(NonceSize + length), data, Encoding.UTF8.GetBytes(ownerId));
        return Encoding.UTF8.GetString(data);
    }
}
