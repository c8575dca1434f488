using System.Text.Json;

namespace Outreach.Dashboard.Resources;

/// <summary>The JSON API's convention: snake_case like the services' public APIs.</summary>
public static class DashboardJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };
}
