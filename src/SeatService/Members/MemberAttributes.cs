using System.Text.Json;
using System.Text.Json.Nodes;

namespace Outreach.SeatService.Members;

/// <summary>
/// Extra profile attributes (seed 001: "physical metrics and preferences"): any JSON values under names of the
/// client's choosing, kept as one JSON object beside the member's own fields and returned flattened into userData.
/// </summary>
public static class MemberAttributes
{
    public const int MaxCount = 50;
    public const int MaxNameLength = 64;
    public const int MaxBytes = 16 * 1024;

    /// <summary>Names that userData already uses for the member's own fields.</summary>
    public static readonly IReadOnlySet<string> Reserved =
        new HashSet<string>(StringComparer.Ordinal) { "user_uid", "email", "display_name", "phone", "account_type", "status" };

    public static JsonElement Empty { get; } = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>A change sets each named attribute; a null value removes it. Returns the 422 naming the offending attribute.</summary>
    public static IResult? Merge(JsonElement current, IEnumerable<KeyValuePair<string, JsonNode?>> changes, out JsonElement merged)
    {
        merged = current;
        var result = JsonNode.Parse(current.ValueKind == JsonValueKind.Object ? current.GetRawText() : "{}")!.AsObject();
        foreach (var (name, value) in changes)
        {
            if (name.Length == 0 || name.Length > MaxNameLength)
                return Problems.Invalid(name, $"An attribute name has 1 to {MaxNameLength} characters.");
            if (Reserved.Contains(name))
                return Problems.Invalid(name, $"{name} is a member field, not an attribute.");
            if (value is null)
                result.Remove(name);
            else
                result[name] = value.DeepClone();
        }
        if (result.Count > MaxCount)
            return Problems.Invalid("attributes", $"A user has at most {MaxCount} attributes.");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(result);
        if (bytes.Length > MaxBytes)
            return Problems.Invalid("attributes", $"A user's attributes take at most {MaxBytes} bytes of JSON.");
        merged = JsonDocument.Parse(bytes).RootElement.Clone();
        return null;
    }
}
