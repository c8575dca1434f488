using System.Net.Mail;

namespace Outreach.InvitationService.Invitations;

/// <summary>The rules every route applies to the same fields, in one place.</summary>
public static class InvitationFields
{
    /// <summary>LinkedIn's note limit for premium accounts; the provider applies 200 to free ones and says so.</summary>
    public const int MaxMessageLength = 300;
    public const int MaxBatchSize = 500;
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    /// <summary>An id-like text: present, at most 200 characters, no whitespace or control characters.</summary>
    public static IResult? RequireId(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            return InvitationErrors.Invalid(field, $"{field} is required.");
        if (value.Length > 200 || value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            return InvitationErrors.Invalid(field, $"{field} must be at most 200 characters without spaces or control characters.");
        return null;
    }

    public static IResult? CheckMessage(string? message, string field)
    {
        if (message is null)
            return null;
        if (message.Length > MaxMessageLength)
            return InvitationErrors.TooLong(field, MaxMessageLength);
        // A note may hold line breaks and tabs (seed 004 sends "Hello\nWorld"); other control characters are noise.
        if (message.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return InvitationErrors.Invalid(field, $"{field} must not contain control characters other than line breaks and tabs.");
        return null;
    }

    public static IResult? CheckEmail(string? email, string field)
    {
        if (email is null)
            return null;
        if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            return InvitationErrors.Invalid(field, $"{field} must be an email address.");
        return null;
    }

    /// <summary>limit: 1 to <see cref="MaxPageSize"/>, <see cref="DefaultPageSize"/> when absent.</summary>
    public static IResult? ParseLimit(string? text, out int limit)
    {
        limit = DefaultPageSize;
        if (text is null)
            return null;
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxPageSize)
            return InvitationErrors.Invalid("limit", $"limit must be a whole number from 1 to {MaxPageSize}.");
        return null;
    }

    /// <summary>cursor: an opaque position handed out by the previous page.</summary>
    public static IResult? ParseCursor(string? text, out long after)
    {
        after = long.MaxValue;
        if (text is null)
            return null;
        try
        {
            var bytes = Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight((text.Length + 3) / 4 * 4, '='));
            if (bytes.Length == 8 && (after = BitConverter.ToInt64(bytes)) > 0)
                return null;
        }
        catch (FormatException)
        {
        }
        return InvitationErrors.Invalid("cursor", "cursor must be a cursor returned by the previous page.");
    }

    public static string Cursor(long position) => Convert.ToBase64String(BitConverter.GetBytes(position)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
