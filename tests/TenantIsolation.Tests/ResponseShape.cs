using System.Text.Json;
using System.Text.Json.Nodes;

namespace Outreach.TenantIsolation.Tests;

/// <summary>What two answers must share to be indistinguishable, and the per-request fields that may differ.</summary>
public static class ResponseShape
{
    private static readonly string[] PerRequestFields = ["traceId", "trace_id", "requestId"];

    /// <summary>Every property path of the body ("errors.user_id", "users[]"), sorted and joined.</summary>
    public static string Of(JsonElement body)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Collect(body, "", paths);
        return string.Join(", ", paths);
    }

    private static void Collect(JsonElement element, string prefix, SortedSet<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                    paths.Add(path);
                    Collect(property.Value, path, paths);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, prefix + "[]", paths);
                break;
        }
    }

    /// <summary>The body without its per-request fields, for comparing two 401s exactly.</summary>
    public static string WithoutPerRequestFields(string text)
    {
        if (text.Length == 0)
            return text;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return text;
        }
        if (node is JsonObject obj)
        {
            foreach (var field in PerRequestFields)
                obj.Remove(field);
        }
        return node?.ToJsonString() ?? text;
    }
}
