using System.Text.Json;

namespace Outreach.AppHost.Tests.Support;

/// <summary>Reads apphost.json as any outside tool would.</summary>
internal static class StateFileReader
{
    public static JsonDocument? TryRead(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public static IEnumerable<JsonElement> Resources(JsonDocument document) =>
        document.RootElement.GetProperty("resources").EnumerateArray();

    public static bool AllHealthy(JsonDocument document) =>
        Resources(document).All(resource =>
            resource.GetProperty("state").GetString() == "Running" && resource.GetProperty("health").GetString() == "Healthy");

    /// <summary>The pid of every resource that runs as a process.</summary>
    public static IReadOnlyDictionary<string, int> Pids(JsonDocument document) =>
        Resources(document)
            .Where(resource => resource.GetProperty("pid").ValueKind == JsonValueKind.Number)
            .ToDictionary(resource => resource.GetProperty("name").GetString()!, resource => resource.GetProperty("pid").GetInt32());

    /// <summary>The demo account under <c>demo</c>, or null while there is none.</summary>
    public static (string AccountId, string AccessKey)? Demo(JsonDocument document) =>
        document.RootElement.TryGetProperty("demo", out var demo) && demo.ValueKind == JsonValueKind.Object
            ? (demo.GetProperty("account_id").GetString()!, demo.GetProperty("access_key").GetString()!)
            : null;

    /// <summary>The first URL of a resource, as listed under <c>resources</c>.</summary>
    public static string Url(JsonDocument document, string resource) =>
        Resources(document).Single(entry => entry.GetProperty("name").GetString() == resource).GetProperty("urls")[0].GetString()!;
}
