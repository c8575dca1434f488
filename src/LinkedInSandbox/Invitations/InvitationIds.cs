using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Outreach.LinkedInSandbox.Invitations;

/// <summary>
/// LinkedIn invitation ids are 19-digit numbers (7…). Ours come from a hash of the send, not from a random source,
/// so the same sequence of sends gives the same ids — and, since acceptance is decided from the id, the same outcomes.
/// </summary>
public static class InvitationIds
{
    private const ulong Range = 1_000_000_000_000_000_000UL;

    public static string For(string memberId, long ordinal, string publicIdentifier, int salt)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"invitation|{memberId}|{ordinal}|{publicIdentifier}|{salt}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var number = BitConverter.ToUInt64(hash, 0) % Range;
        return "7" + number.ToString("D18", CultureInfo.InvariantCulture);
    }
}
