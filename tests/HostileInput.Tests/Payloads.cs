using System.Text;

namespace Outreach.HostileInput.Tests;

/// <summary>Hostile values, as raw JSON literals (so lone surrogates stay the escapes a serializer would not write) and as URL parts.</summary>
public static class Payloads
{
    public static readonly string LongText = new('x', 100_000);

    /// <summary>Over 1 MiB once in a body.</summary>
    public static readonly string Huge = new('y', 1_200_000);

    public static readonly IReadOnlyList<(string Name, string Json)> Strings =
    [
        ("sql injection", "\"' OR 1=1 --\""),
        ("sql drop", "\"'; DROP TABLE events; --\""),
        ("script", "\"<script>alert(1)</script>\""),
        ("NUL", "\"a\\u0000b\""),
        ("lone high surrogate", "\"\\ud800\""),
        ("reversed surrogates", "\"\\udc00x\\ud800\""),
        ("RTL override", "\"\\u202egnp.exe\""),
        ("emoji", "\"\U0001F600\U0001F3F3\uFE0F\u200D\U0001F308\""),
        ("template injection", "\"{{7*7}}${jndi:ldap://x}\""),
        ("path traversal", "\"../../etc/passwd\""),
        ("CRLF", "\"\\r\\nSet-Cookie: a=b\""),
        ("100k characters", $"\"{LongText}\""),
    ];

    /// <summary>Values of the wrong JSON type for a field that takes a string.</summary>
    public static readonly IReadOnlyList<(string Name, string Json)> NotStrings =
        [("number", "12345"), ("boolean", "true"), ("array", "[\"a\"]"), ("object", "{\"a\":1}")];

    /// <summary>Values of the wrong JSON type for a field that takes a number.</summary>
    public static readonly IReadOnlyList<(string Name, string Json)> NotNumbers =
        [("text", "\"abc\""), ("boolean", "true"), ("array", "[1]"), ("object", "{\"a\":1}")];

    /// <summary>Bodies that cannot be read at all.</summary>
    public static readonly IReadOnlyList<(string Name, string Text)> Unreadable =
    [
        ("open brace", "{"),
        ("unterminated value", "{\"a\":"),
        ("unterminated string", "{\"a\":\"b"),
        ("array", "[]"),
        ("string", "\"text\""),
        ("number", "42"),
        ("single quotes", "{'a':'b'}"),
        ("trailing garbage", "{}}"),
        ("NaN", "{\"a\":NaN}"),
        ("xml", "<a>b</a>"),
        ("deep nesting", new StringBuilder().Insert(0, "[", 5000).ToString()),
    ];

    /// <summary>Path segments that are not ids of anything.</summary>
    public static readonly IReadOnlyList<(string Name, string Segment)> Ids =
    [
        ("sql injection", Uri.EscapeDataString("' OR 1=1 --")),
        ("encoded traversal", "..%2F..%2Fetc"),
        // Not "%00": Kestrel refuses a NUL in the path itself, with an empty 400, before any service code runs.
        ("invalid UTF-8", "%ED%A0%80"),
        ("RTL override", Uri.EscapeDataString("\u202eabc")),
        ("emoji", Uri.EscapeDataString("\U0001F600")),
        ("300 characters", new string('a', 300)),
        ("another prefix", "usr_abcdefghijklmnopqrst"),
    ];

    /// <summary>Query values that are no value of anything.</summary>
    public static readonly IReadOnlyList<(string Name, string Value)> QueryValues =
    [
        ("sql injection", Uri.EscapeDataString("' OR 1=1 --")),
        ("script", Uri.EscapeDataString("<script>alert(1)</script>")),
        ("NUL", "%00"),
        ("invalid UTF-8", "%ED%A0%80"),
        ("RTL override", Uri.EscapeDataString("\u202eabc")),
        ("emoji", Uri.EscapeDataString("\U0001F600")),
        ("2000 characters", new string('q', 2000)),
    ];

    public static readonly IReadOnlyList<string> BadLimits = ["-1", "0", "1e9", "abc", "101", "1.5", "99999999999999999999"];
}
