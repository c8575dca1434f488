using System.Text.Json;
using System.Text.Json.Nodes;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>Reads named string fields from a free-form JSON body, answering 422 for a field of the wrong type.</summary>
public static class JsonBodyFields
{
    /// <summary>Whether the field was sent (null counts as sent), and its string value.</summary>
    public static IResult? Text(JsonObject body, string field, out bool present, out string? value)
    {
        present = body.TryGetPropertyValue(field, out var node);
        value = null;
        if (node is null)
            return null;
        if (node.GetValueKind() != JsonValueKind.String)
            return Problems.Invalid(field, $"{field} must be a string.");
        value = node.GetValue<string>();
        return null;
    }
}
