using System.Security.Cryptography;
using System.Text;

namespace Outreach.LinkedInSandbox.Invitations;

/// <summary>
/// Whether and when a recipient accepts, decided once at send time. "accepts-…" recipients always accept after
/// AcceptanceDelayMs; anyone else accepts with probability AcceptanceRate, after a delay between AcceptanceDelayMs and
/// ten times it. The dice are a hash of the invitation id, so a run repeats exactly.
/// </summary>
public static class AcceptancePlan
{
    public const string AcceptsTag = "accepts-";

    public static DateTimeOffset? AcceptsAt(string invitationId, string publicIdentifier, DateTimeOffset sentAt, SandboxOptions options)
    {
        var delay = options.AcceptanceDelay;
        if (publicIdentifier.StartsWith(AcceptsTag, StringComparison.Ordinal))
            return sentAt + delay;

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("acceptance|" + invitationId));
        var accepts = Unit(hash, 0) < Math.Clamp(options.AcceptanceRate, 0, 1);
        return accepts ? sentAt + delay + (delay * 9 * Unit(hash, 8)) : null;
    }

    /// <summary>A number in [0, 1) from eight bytes of the hash.</summary>
    private static double Unit(byte[] hash, int offset) => (BitConverter.ToUInt64(hash, offset) >> 11) / (double)(1UL << 53);
}
