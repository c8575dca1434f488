using System.Net.Mail;

namespace Outreach.SeatService.Members;

/// <summary>
/// The rules a member's fields follow, shared by both APIs. Each check returns the 422 naming the field, or null with
/// the value normalised. Messages never repeat the value: it may be personal data.
/// </summary>
public static class MemberFields
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 100;
    public const int MaxPhoneLength = 32;
    public const int MaxPlatformLinkLength = 2048;

    public static IResult? Email(string? value, string field, out string email)
    {
        email = value?.Trim() ?? "";
        if (email.Length == 0)
            return Problems.Invalid(field, $"{field} is required.");
        if (email.Length > MaxEmailLength)
            return Problems.Invalid(field, $"{field} is at most {MaxEmailLength} characters.");
        // MailAddress also accepts "Name <a@b.c>" and bare hosts; an address for an invitation must be exactly one mailbox on a domain.
        var valid = MailAddress.TryCreate(email, out var parsed)
            && parsed.Address == email
            && parsed.Host.Contains('.', StringComparison.Ordinal)
            && !email.Any(char.IsWhiteSpace);
        return valid ? null : Problems.Invalid(field, $"{field} must be a valid email address.");
    }

    /// <summary>Emails compare without regard to case; this is the key the read tables index.</summary>
    public static string EmailKey(string email) => email.ToUpperInvariant();

    public static IResult? DisplayName(string? value, string field, out string name)
    {
        name = value?.Trim() ?? "";
        if (name.Length == 0)
            return Problems.Invalid(field, $"{field} is required.");
        if (name.Length > MaxDisplayNameLength)
            return Problems.Invalid(field, $"{field} is at most {MaxDisplayNameLength} characters.");
        return name.Any(char.IsControl) ? Problems.Invalid(field, $"{field} must not contain control characters.") : null;
    }

    /// <summary>Optional: null or blank means no phone. Digits with an optional leading +; spaces, dashes, dots and brackets allowed.</summary>
    public static IResult? Phone(string? value, string field, out string? phone)
    {
        phone = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (phone is null)
            return null;
        var digits = phone.Where(char.IsAsciiDigit).Count();
        var valid = phone.Length <= MaxPhoneLength
            && phone.Skip(phone[0] == '+' ? 1 : 0).All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')')
            && digits is >= 4 and <= 15;
        return valid ? null : Problems.Invalid(field, $"{field} must be a phone number of 4 to 15 digits, optionally starting with +.");
    }

    public static IResult? AccountType(string? value, string field, string fallback, out string accountType)
    {
        accountType = value ?? fallback;
        return AccountTypes.IsKnown(accountType) ? null : Problems.Invalid(field, AccountTypes.Rule(field));
    }

    /// <summary>Optional: where the invitee signs up; an absolute http(s) URL.</summary>
    public static IResult? PlatformLink(string? value, string field, out string? link)
    {
        link = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (link is null)
            return null;
        var valid = link.Length <= MaxPlatformLinkLength
            && Uri.TryCreate(link, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        return valid ? null : Problems.Invalid(field, $"{field} must be an absolute http or https URL of at most {MaxPlatformLinkLength} characters.");
    }
}
