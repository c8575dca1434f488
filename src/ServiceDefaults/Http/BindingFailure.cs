using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Outreach.ServiceDefaults.Http;

/// <summary>
/// Which fields a binding failure is about, with messages fit to show the client: field names as the
/// client spelled them, never the value it sent.
/// </summary>
public static class BindingFailure
{
    public const string BodyField = "body";
    private const string WrongType = "The value has the wrong type or format.";
    private const string Required = "A value is required.";

    public static Dictionary<string, string[]> Describe(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var parameter = ParameterName(exception.Message) ?? BodyField;

        if (exception.InnerException is JsonException json)
        {
            var missing = MissingRequiredProperties(json.Message);
            if (missing.Count > 0)
                return missing.ToDictionary(name => name, _ => new[] { Required }, StringComparer.Ordinal);

            // JsonException.Path uses the JSON names ("$.daily_limit"), which is what the client sent.
            var field = json.Path is null or "$" ? parameter
                : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
            return Single(field, JsonMessage(json));
        }

        var required = exception.Message.StartsWith("Required parameter", StringComparison.Ordinal)
            || exception.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal);
        return Single(parameter, required ? Required : WrongType);
    }

    private static Dictionary<string, string[]> Single(string field, string message) =>
        new(StringComparer.Ordinal) { [field] = [message] };

    private static string JsonMessage(JsonException exception)
    {
        var message = exception.Message;
        // This one names a CLR type rather than the field; the field is already the key.
        if (message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
            return WrongType;
        // System.Text.Json ends syntax messages with " Path: $.x | LineNumber: …", which the key already says.
        var pathAt = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = (pathAt > 0 ? message[..pathAt] : message).Trim();
        return text.Length == 0 ? "The request body is not valid JSON." : text;
    }

    // "JSON deserialization for type 'X' was missing required properties including: 'name', 'kind'."
    private static List<string> MissingRequiredProperties(string message)
    {
        const string marker = "missing required properties including: ";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
            return [];
        return message[(start + marker.Length)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => name.TrimEnd('.').Trim('\''))
            .Where(name => name.Length > 0)
            .ToList();
    }

    // ASP.NET Core names the parameter only in its message: parameter "Type name" …
    private static string? ParameterName(string message)
    {
        const string marker = "parameter \"";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += marker.Length;
        var end = message.IndexOf('"', start);
        if (end <= start)
            return null;
        var declaration = message[start..end];
        var name = declaration[(declaration.LastIndexOf(' ') + 1)..];
        return name.Length == 0 ? null : name;
    }
}
