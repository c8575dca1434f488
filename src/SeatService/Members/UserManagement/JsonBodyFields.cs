using System.Text.Json;
using System.Text.Json.Nodes;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>Reads named string fields from a free-form JSON body, answering 422 for a field of the wrong type.</summary>
public static class JsonBodyFields
{
    /// <summary>
    /// 400 naming `body` when a name or string in it is not valid UTF-16 (a lone surrogate escape such as \ud800):
    /// the parser accepts it, but reading it as text throws, so it is checked once before any field is read.
    /// </summary>
    public static IResult? Unreadable(JsonNode body)
    {
        try
        {
            ReadAllText(body);
            return null;
        }
        catch (InvalidOperationException)
        {
            const string message = "The body holds text that is not valid Unicode.";
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [message] },
                detail: message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static void ReadAllText(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject fields:
                foreach (var (_, value) in fields)
                    ReadAllText(value);
                break;
            case JsonArray items:
                foreach (var item in items)
                    ReadAllText(item);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                value.GetValue<string>();
                break;
        }
    }

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
