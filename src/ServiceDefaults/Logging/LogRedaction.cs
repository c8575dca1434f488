using System.Globalization;
using System.Text.RegularExpressions;

namespace Outreach.ServiceDefaults.Logging;

/// <summary>
/// The one rule for what a log may carry, applied to every structured-log attribute and scope of every logger
/// (console and OpenTelemetry alike) by <see cref="RedactingLoggerProvider"/>:
/// <list type="bullet">
/// <item>an allow-listed name (ids we generate, counts, reasons) keeps its value as is;</item>
/// <item>a name that says it holds a credential (password, secret, token, code, key, cookie, authorization) is replaced
/// by <see cref="Marker"/> whatever it holds;</item>
/// <item>any other text is kept, but what looks like a credential inside it is replaced: a Bearer or Basic value, an
/// access key or secret (<c>oak_</c>, <c>oas_</c>), the value of a <c>password=</c>-like pair, the password of a URL,
/// and any long opaque run of letters and digits (connect-link tokens in paths, session tokens).</item>
/// </list>
/// Numbers, dates and other non-text values pass unchanged: they cannot hold a credential.
/// </summary>
public static partial class LogRedaction
{
    public const string Marker = "[redacted]";

    /// <summary>Names whose values are ours and safe to read: ids, counts, states, reasons, framework facts.</summary>
    public static readonly IReadOnlySet<string> AllowedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "{OriginalFormat}", "AccountId", "SeatId", "KeyId", "IdentityId", "InvitationId", "MemberUid", "MessageId", "Message", "Why",
        "Event", "WebhookId", "Attempts", "TimeZone", "Start", "End", "EventId", "RequestId", "TraceId", "SpanId", "ParentId",
        "ConnectionId", "StatusCode", "ElapsedMilliseconds", "Method", "EndpointName", "HealthStatus", "ExceptionType",
    };

    private static readonly string[] SensitiveNameParts =
        ["password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "accesskey", "access_key", "authorization", "cookie", "credential", "code"];

    /// <summary>What <paramref name="name"/>'s <paramref name="value"/> becomes in a log.</summary>
    public static object? Redact(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (AllowedNames.Contains(name))
            return value;
        if (IsSensitiveName(name))
            return value is null ? null : Marker;
        return value switch
        {
            null => null,
            string text => Scrub(text),
            bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or Enum
                or DateTime or DateTimeOffset or TimeSpan or Guid => value,
            IFormattable formattable => Scrub(formattable.ToString(null, CultureInfo.InvariantCulture)),
            _ => Scrub(value.ToString() ?? ""),
        };
    }

    public static bool IsSensitiveName(string name) =>
        SensitiveNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    /// <summary>The text with everything that looks like a credential replaced by <see cref="Marker"/>.</summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 8)
            return text;
        var scrubbed = SchemeCredential().Replace(text, m => m.Groups[1].Value + Marker);
        scrubbed = SensitivePair().Replace(scrubbed, m => m.Groups[1].Value + Marker);
        scrubbed = UrlPassword().Replace(scrubbed, m => m.Groups[1].Value + Marker + "@");
        scrubbed = OurKeys().Replace(scrubbed, Marker);
        return OpaqueRun().Replace(scrubbed, m => LooksRandom(m.Value) ? Marker : m.Value);
    }

    /// <summary>A run is a credential's shape when it mixes letters and digits: words and plain numbers are not.</summary>
    private static bool LooksRandom(string run) => run.Any(char.IsAsciiDigit) && run.Any(char.IsAsciiLetter);

    [GeneratedRegex(@"\b((?:Bearer|Basic)\s+)[^\s,;""']+", RegexOptions.IgnoreCase)]
    private static partial Regex SchemeCredential();

    [GeneratedRegex(@"(\b(?:password|passwd|pwd|secret|token|api[-_]?key|access[-_]?key|code)[""']?\s*[=:]\s*[""']?)[^\s&;,""']+", RegexOptions.IgnoreCase)]
    private static partial Regex SensitivePair();

    [GeneratedRegex(@"(\w+://[^/\s:@]+:)[^@\s/]+@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"\boa[ks]_[A-Za-z0-9_\-]+")]
    private static partial Regex OurKeys();

    [GeneratedRegex(@"[A-Za-z0-9_\-+=]{20,}")]
    private static partial Regex OpaqueRun();
}
