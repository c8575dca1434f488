namespace Outreach.Dashboard.Telemetry.Model;

/// <summary>
/// One attribute, its value already rendered as text: the pages and the API show attributes, they never compute with
/// them, and one string per value is far smaller than the OTLP value tree it came from.
/// </summary>
public readonly record struct AttributePair(string Key, string Value)
{
    public static AttributePair[] None { get; } = [];

    /// <summary>Whether <paramref name="attributes"/> holds <paramref name="key"/> with exactly <paramref name="value"/>.</summary>
    public static bool Contains(AttributePair[] attributes, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        foreach (var attribute in attributes)
        {
            if (attribute.Key == key && attribute.Value == value)
            {
                return true;
            }
        }

        return false;
    }

    public static string? Find(AttributePair[] attributes, string key)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        foreach (var attribute in attributes)
        {
            if (attribute.Key == key)
            {
                return attribute.Value;
            }
        }

        return null;
    }
}
