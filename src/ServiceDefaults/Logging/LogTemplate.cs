using System.Globalization;
using System.Text;

namespace Outreach.ServiceDefaults.Logging;

/// <summary>
/// Renders a message template ("Seat {SeatId} sent {Count:N0}") with values in placeholder order, as
/// Microsoft.Extensions.Logging does: <c>{{</c> and <c>}}</c> are literal braces, a format or alignment after the
/// name applies to the value, a missing value renders as the placeholder itself.
/// </summary>
internal static class LogTemplate
{
    public static string Render(string template, IReadOnlyList<object?> values)
    {
        var text = new StringBuilder(template.Length + 32);
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c is '{' or '}' && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }
            var close = c == '{' ? template.IndexOf('}', i) : -1;
            if (close < 0)
            {
                text.Append(c);
                continue;
            }
            var hole = template[(i + 1)..close];
            text.Append(next < values.Count ? Format(values[next], hole) : "{" + hole + "}");
            next++;
            i = close;
        }
        return text.ToString();
    }

    private static string Format(object? value, string hole)
    {
        if (value is null)
            return "(null)";
        var colon = hole.IndexOf(':', StringComparison.Ordinal);
        var format = colon >= 0 ? hole[(colon + 1)..] : null;
        var comma = hole.IndexOf(',', StringComparison.Ordinal);
        var rendered = value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value.ToString() ?? "";
        if (comma >= 0 && int.TryParse(hole[(comma + 1)..(colon >= 0 ? colon : hole.Length)], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var width))
            rendered = width < 0 ? rendered.PadRight(-width) : rendered.PadLeft(width);
        return rendered;
    }
}
