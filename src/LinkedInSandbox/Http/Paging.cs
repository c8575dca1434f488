using System.Globalization;
using System.Text;

namespace Outreach.LinkedInSandbox.Http;

/// <summary>A page position: items sort newest first by (Ticks, Ordinal); a cursor names the last item of a page.</summary>
public readonly record struct PageKey(long Ticks, long Ordinal) : IComparable<PageKey>
{
    public int CompareTo(PageKey other) => Ticks != other.Ticks ? Ticks.CompareTo(other.Ticks) : Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(PageKey left, PageKey right) => left.CompareTo(right) < 0;
    public static bool operator >(PageKey left, PageKey right) => left.CompareTo(right) > 0;
    public static bool operator <=(PageKey left, PageKey right) => left.CompareTo(right) <= 0;
    public static bool operator >=(PageKey left, PageKey right) => left.CompareTo(right) >= 0;
}

/// <summary>
/// limit and cursor of Unipile's list routes. The cursor is opaque to clients: base64url of the list's name and the
/// key of the last item given. Keyset rather than offset, so items leaving the list (withdrawn, accepted) shift no page.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    /// <summary>Reads limit and cursor as text, so a malformed one is our 400 invalid_parameters, not a binding error.</summary>
    public static (IResult? Error, int Limit, PageKey? After) Parse(string list, string? limit, string? cursor)
    {
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
            return (UnipileErrors.InvalidParameter($"limit must be an integer from 1 to {MaxLimit}."), 0, null);
        if (cursor is null)
            return (null, size, null);
        return Decode(list, cursor) is { } after ? (null, size, after) : (UnipileErrors.InvalidParameter("cursor is not valid for this list."), 0, null);
    }

    /// <summary>One page of items (already newest first) after the cursor, and the cursor of the next page (null on the last).</summary>
    public static (List<T> Items, string? Cursor) Page<T>(string list, IEnumerable<T> newestFirst, Func<T, PageKey> key, int limit, PageKey? after)
    {
        var rest = after is { } position ? newestFirst.Where(item => key(item) < position) : newestFirst;
        var page = rest.Take(limit + 1).ToList();
        if (page.Count <= limit)
            return (page, null);
        page.RemoveAt(limit);
        return (page, Encode(list, key(page[^1])));
    }

    private static string Encode(string list, PageKey key)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{list}:{key.Ticks}:{key.Ordinal}");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static PageKey? Decode(string list, string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            if (parts.Length == 3 && parts[0] == list
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
                return new PageKey(ticks, ordinal);
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
