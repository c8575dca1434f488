using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Outreach.ServiceDefaults.Http;

/// <summary>Which field a binding failure is about, and a message fit to show the client.</summary>
public sealed record BindingFailure(string Field, string Message)
{
    public const string BodyField = "body";

    public static BindingFailure Describe(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var parameter = ParameterName(exception.Message);

        if (exception.InnerException is JsonException json)
        {
            // JsonException.Path uses the JSON names ("$.daily_limit"), which is what the client sent.
            var field = json.Path is null or "$" ? parameter ?? BodyField : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
            return new BindingFailure(field, JsonMessage(json));
        }

        if (exception.Message.StartsWith("Required parameter", StringComparison.Ordinal)
            || exception.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            return new BindingFailure(parameter ?? BodyField, "A value is required.");
        }

        return new BindingFailure(parameter ?? BodyField, "The value is not valid.");
    }

    // System.Text.Json ends its messages with " Path: $.x | LineNumber: …", which the field already says.
    private static string JsonMessage(JsonException exception)
    {
        var message = exception.Message;
        var pathAt = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = pathAt > 0 ? message[..pathAt] : message;
        return string.IsNullOrWhiteSpace(text) ? "The request body is not valid JSON." : text.Trim();
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
