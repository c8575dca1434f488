using System.Text;

namespace Outreach.SecretScan.Tests.Scan;

/// <summary>
/// The forms a secret may take where it is stored: as is, URL-encoded, hex (PostgreSQL prints bytea as hex), and
/// base64 in both alphabets. Base64 of a value inside a longer blob depends on where the value starts modulo 3, so
/// each of the three alignments is searched, trimmed to the characters that depend on the value alone.
/// </summary>
public sealed record Needle(KnownSecret Secret, string Encoding, string Text)
{
    public static IReadOnlyList<Needle> For(KnownSecret secret)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(secret.Value);
        var needles = new List<Needle> { new(secret, "as-is", secret.Value) };
        var url = Uri.EscapeDataString(secret.Value);
        if (url != secret.Value)
            needles.Add(new(secret, "url-encoded", url));
        needles.Add(new(secret, "hex", Convert.ToHexStringLower(bytes)));
        foreach (var aligned in Base64Alignments(bytes))
        {
            needles.Add(new(secret, "base64", aligned));
            var urlSafe = aligned.Replace('+', '-').Replace('/', '_');
            if (urlSafe != aligned)
                needles.Add(new(secret, "base64url", urlSafe));
        }
        return needles;
    }

    private static IEnumerable<string> Base64Alignments(byte[] bytes)
    {
        for (var offset = 0; offset < 3; offset++)
        {
            var shifted = new byte[offset + bytes.Length];
            bytes.CopyTo(shifted, offset);
            var text = Convert.ToBase64String(shifted);
            // Only whole 3-byte groups made of the value's bytes alone encode the same wherever the value sits.
            var start = (offset + 2) / 3 * 4;
            var end = shifted.Length / 3 * 4;
            if (end - start >= 8)
                yield return text[start..end];
        }
    }

    public override string ToString() => $"{Secret.Kind} [{Encoding}]";
}
