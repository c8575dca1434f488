using System.Security.Cryptography;

namespace Outreach.InvitationService.Invitations;

public static class InvitationIds
{
    private const string Prefix = "inv_";

    /// <summary>inv_ and 24 random lowercase hex characters.</summary>
    public static string New() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static bool IsInvitationId(string? value) =>
        value is { Length: 28 } && value.StartsWith(Prefix, StringComparison.Ordinal) && value[4..].All(char.IsAsciiHexDigitLower);

    public static string NewBatchId() => "bat_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
