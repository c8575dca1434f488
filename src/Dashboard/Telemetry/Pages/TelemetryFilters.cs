using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Store;

namespace Outreach.Dashboard.Telemetry.Pages;

/// <summary>
/// The query string every telemetry page and API reads: <c>resource</c>, <c>level</c> (minimum), <c>text</c>,
/// <c>attr</c> (<c>name=value</c>, or just <c>name</c> for presence). Links such as
/// <c>/structuredlogs?resource=seat-service&amp;level=Error</c> are built from the same names.
/// </summary>
public sealed record TelemetryFilters(string? Resource, string? LevelText, string? Text, string? Attribute)
{
    public static TelemetryFilters From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TelemetryFilters(
            Value(request, "resource"),
            Value(request, "level"),
            Value(request, "text"),
            Value(request, "attr"));
    }

    /// <summary>Null when no level was asked for; LogLevel.None when one was asked for but is not a level.</summary>
    public LogLevel? MinLevel => LevelText is null ? null : LogLevels.TryParse(LevelText, out var level) ? level : LogLevel.None;

    public LogQuery ToLogQuery(int limit)
    {
        var (name, value) = SplitAttribute(Attribute);
        var level = MinLevel;
        return new LogQuery(Resource, level == LogLevel.None ? null : level, Text, name, value, Limit: limit);
    }

    /// <summary>"name=value" → (name, value); "name" → (name, null): presence only.</summary>
    public static (string? Name, string? Value) SplitAttribute(string? attribute)
    {
        if (string.IsNullOrWhiteSpace(attribute))
        {
            return (null, null);
        }

        var separator = attribute.IndexOf('=', StringComparison.Ordinal);
        return separator < 0
            ? (attribute.Trim(), null)
            : (attribute[..separator].Trim(), attribute[(separator + 1)..].Trim());
    }

    public static string? Value(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Query[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }
}
