namespace Outreach.IdentityService.Identities;

/// <summary>Validation of the identity's fields; each failure names the field as the client sent it.</summary>
public static class IdentityFields
{
    public const int MaxNameLength = 100;
    public const int MaxRoleLength = 200;
    public const string IdPrefix = "idn_";

    /// <summary>Null when <paramref name="value"/> is acceptable (trimmed into <paramref name="clean"/>), else the 422 to answer.</summary>
    public static IResult? Text(string? value, string field, int maxLength, bool required, out string? clean)
    {
        clean = value?.Trim();
        if (string.IsNullOrEmpty(clean))
        {
            clean = null;
            return required || value is not null ? Problems.Invalid(field, $"{field} is required and may not be blank.") : null;
        }
        if (clean.Length > maxLength)
            return Problems.Invalid(field, $"{field} is at most {maxLength} characters.");
        if (clean.Any(char.IsControl))
            return Problems.Invalid(field, $"{field} may not contain control characters.");
        return null;
    }

    public static bool IsIdentityId(string? value) =>
        value is { Length: 24 } && value.StartsWith(IdPrefix, StringComparison.Ordinal) && value[IdPrefix.Length..].All(char.IsAsciiLetterOrDigit);

    public static string NewId() => IdPrefix + System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 20);
}
