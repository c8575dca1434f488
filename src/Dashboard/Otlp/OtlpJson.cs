using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Outreach.Dashboard.Otlp;

/// <summary>
/// OTLP/JSON. It is protobuf's JSON mapping (lowerCamelCase names, enums as integers, 64-bit integers as strings or
/// numbers: Google.Protobuf's parser reads all of it) with one exception: trace and span ids are hex, not base64.
/// So the ids are turned into base64 first, then the standard parser does the rest, ignoring unknown fields as the
/// OTLP spec asks of receivers. Large integers written as JSON numbers (allowed for the 64-bit fields) are turned into
/// strings too: the parser reads numbers as doubles, which would round nanosecond times.
/// </summary>
internal static class OtlpJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private static readonly HashSet<string> IdFields = new(StringComparer.Ordinal)
    {
        "traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id",
    };

    /// <exception cref="InvalidOtlpJsonException">Not JSON, not this message's shape, or an id that is not hex.</exception>
    public static T Parse<T>(ReadOnlySpan<byte> utf8)
        where T : IMessage, new()
    {
        try
        {
            var root = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = 128 })
                ?? throw new InvalidOtlpJsonException("The body is JSON null.");
            HexIdsToBase64(root);
            return Parser.Parse<T>(root.ToJsonString());
        }
        catch (Exception e) when (e is JsonException or InvalidProtocolBufferException or InvalidJsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidOtlpJsonException(e.Message);
        }
    }

    public static string Format(IMessage message) => JsonFormatter.Default.Format(message);

    /// <summary>
    /// Walks the tree with a stack (a deep payload cannot overflow ours). Attribute keys are values of a "key" field,
    /// never property names, so only the id fields themselves are touched.
    /// </summary>
    private static void HexIdsToBase64(JsonNode root)
    {
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        pending.Push(item);
                    }
                }
            }
            else if (node is JsonObject obj)
            {
                List<(string Name, string Text)>? rewrites = null;
                foreach (var (name, value) in obj)
                {
                    if (IdFields.Contains(name) && value is JsonValue id && id.TryGetValue<string>(out var hex))
                    {
                        (rewrites ??= []).Add((name, Convert.ToBase64String(Convert.FromHexString(hex))));
                    }
                    else if (value is JsonValue number && IsLargeInteger(number))
                    {
                        (rewrites ??= []).Add((name, number.ToJsonString()));
                    }
                    else if (value is not null)
                    {
                        pending.Push(value);
                    }
                }

                foreach (var (name, text) in rewrites ?? [])
                {
                    obj[name] = text;
                }
            }
        }
    }

    /// <summary>An integer of more digits than a double holds exactly (2^53 has 16).</summary>
    private static bool IsLargeInteger(JsonValue value)
    {
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        var text = value.ToJsonString();
        return text.Length > 15 && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class InvalidOtlpJsonException(string message) : Exception(message);
