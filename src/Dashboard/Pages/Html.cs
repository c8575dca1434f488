using System.Globalization;
using System.Text.Encodings.Web;

namespace Outreach.Dashboard.Pages;

/// <summary>Small helpers for server-rendered markup. Every value that did not come from our own code goes through <see cref="E"/>.</summary>
public static class Html
{
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>A value for a URL query or path segment.</summary>
    public static string U(string? value) => Uri.EscapeDataString(value ?? "");

    public static string Time(DateTimeOffset? value) =>
        value is { } time ? time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) : "";

    public static string Duration(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMicroseconds:0}μs"),
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.##}ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.##}s"),
    };

    /// <summary>A stable colour per resource name, so a resource has the same colour on every page.</summary>
    public static string ColorOf(string resourceName)
    {
        var hash = 17;
        foreach (var c in resourceName)
        {
            hash = unchecked((hash * 31) + c);
        }

        return string.Create(CultureInfo.InvariantCulture, $"hsl({(hash & 0x7fffffff) % 360}, 60%, 45%)");
    }
}
