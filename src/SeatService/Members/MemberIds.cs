using System.Security.Cryptography;
using Outreach.SeatService.Auth;

namespace Outreach.SeatService.Members;

/// <summary>
/// Member uids look like seed 001's (20 letters and digits, e.g. MYmC7MzsPBNU6uSQBnJ0). Invite tokens carry a prefix.
/// A string of the wrong shape is never looked up, so it cannot reach another kind of stream.
/// </summary>
public static class MemberIds
{
    public const int UidLength = 20;
    public const string InviteTokenPrefix = "inv_";

    private const string UidAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int InviteTokenRandomLength = 32;

    public static string NewUid() => RandomNumberGenerator.GetString(UidAlphabet, UidLength);

    public static string NewInviteToken() => Secrets.NewId(InviteTokenPrefix, InviteTokenRandomLength);

    public static bool IsUid(string? value) => value is { Length: UidLength } && value.All(char.IsAsciiLetterOrDigit);

    public static bool IsInviteToken(string? value) =>
        value is not null
        && value.Length == InviteTokenPrefix.Length + InviteTokenRandomLength
        && value.StartsWith(InviteTokenPrefix, StringComparison.Ordinal)
        && value[InviteTokenPrefix.Length..].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));
}
