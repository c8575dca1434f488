using System.Collections.Concurrent;

namespace Outreach.Dashboard.Otlp;

/// <summary>
/// One shared instance per repeated string (attribute keys, span names, scopes, short values such as
/// "GET" or "200"): every decoded message carries fresh copies, and at the store's limits those copies would be most
/// of its memory. Bounded: once full it hands strings back as they are, so unique values cannot make it grow.
/// </summary>
internal static class StringPool
{
    private const int MaxEntries = 100_000;

    /// <summary>Names (keys, span names, scopes) longer than this are rare; pooling them would only fill the pool.</summary>
    private const int MaxPooledLength = 64;

    /// <summary>
    /// Attribute values repeat when short ("GET", "200", "postgresql"); longer ones are mostly unique (GUIDs are 36,
    /// ids, URLs with ids), and pooling them would fill the pool with strings seen once.
    /// </summary>
    private const int MaxPooledValueLength = 24;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    public static string ShareValue(string value) => value.Length > MaxPooledValueLength ? value : Share(value);

    public static string Share(string value)
    {
        if (value.Length == 0)
        {
            return "";
        }

        if (value.Length > MaxPooledLength)
        {
            return value;
        }

        if (Pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return Pool.Count < MaxEntries ? Pool.GetOrAdd(value, value) : value;
    }
}
