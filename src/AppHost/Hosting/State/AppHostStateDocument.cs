using System.Text.Json.Serialization;
using Outreach.AppHost.Hosting.ApplicationModel;

namespace Outreach.AppHost.Hosting.State;

/// <summary>The JSON shape of apphost.json.</summary>
internal sealed record AppHostStateDocument(
    [property: JsonPropertyName("resources")] IReadOnlyList<AppHostStateDocument.ResourceEntry> Resources,
    [property: JsonPropertyName("operator_token")] string OperatorToken,
    [property: JsonPropertyName("demo")] DemoInfo? Demo,
    [property: JsonPropertyName("dashboard")] DashboardInfo? Dashboard)
{
    internal sealed record ResourceEntry(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("state")] string State,
        [property: JsonPropertyName("health")] string? Health,
        [property: JsonPropertyName("pid")] int? Pid,
        [property: JsonPropertyName("urls")] IReadOnlyList<string> Urls)
    {
        public static ResourceEntry From(ResourceSnapshot snapshot) =>
            new(snapshot.Name, snapshot.ResourceType, snapshot.State, snapshot.Health?.ToString(), snapshot.Pid, snapshot.Urls);
    }
}
