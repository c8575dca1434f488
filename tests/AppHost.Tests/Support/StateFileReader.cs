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
}
