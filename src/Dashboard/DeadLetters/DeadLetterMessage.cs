using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Outreach.Dashboard.DeadLetters;

/// <summary>One message in a dead-letter queue, as MassTransit left it there.</summary>
public sealed record DeadLetterMessage(
    string MessageId,
    string? MessageType,
    string? FaultMessage,
    string? ExceptionType,
    string? Reason,
    DateTimeOffset? Time,
    int BodyBytes,
    string BodyPreview,
    IReadOnlyDictionary<string, string> Headers)
{
    public const int PreviewCharacters = 2000;

    /// <summary>Reads what a person needs from the AMQP properties, MassTransit's headers and its JSON envelope.</summary>
    public static DeadLetterMessage From(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var headers = DecodeHeaders(properties.Headers);
        var envelope = Envelope.TryRead(body.Span);
        var text = Encoding.UTF8.GetString(body.Span);
        return new DeadLetterMessage(
            IdOf(properties, envelope, body.Span),
            headers.GetValueOrDefault(MassTransitHeaders.MessageType) ?? envelope?.MessageType ?? headers.GetValueOrDefault(MassTransitHeaders.FaultMessageType),
            headers.GetValueOrDefault(MassTransitHeaders.FaultMessage),
            headers.GetValueOrDefault(MassTransitHeaders.FaultExceptionType),
            headers.GetValueOrDefault(MassTransitHeaders.Reason),
            TimeOf(headers, properties, envelope),
            body.Length,
            text.Length > PreviewCharacters ? text[..PreviewCharacters] + "…" : text,
            headers);
    }

    /// <summary>
    /// The id the Redeliver button names: MassTransit's message id (the AMQP message-id property it sets, else the
    /// envelope's), and for a message that has neither, a hash of its body so that it can still be addressed.
    /// </summary>
    public static string IdOf(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return IdOf(properties, Envelope.TryRead(body.Span), body.Span);
    }

    private static string IdOf(IReadOnlyBasicProperties properties, Envelope? envelope, ReadOnlySpan<byte> body) =>
        !string.IsNullOrEmpty(properties.MessageId) ? properties.MessageId
        : envelope?.MessageId ?? "sha256-" + Convert.ToHexStringLower(SHA256.HashData(body))[..32];

    private static DateTimeOffset? TimeOf(Dictionary<string, string> headers, IReadOnlyBasicProperties properties, Envelope? envelope)
    {
        if (headers.TryGetValue(MassTransitHeaders.FaultTimestamp, out var faulted)
            && DateTimeOffset.TryParse(faulted, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        if (properties.IsTimestampPresent() && properties.Timestamp.UnixTime > 0)
        {
            return DateTimeOffset.FromUnixTimeSeconds(properties.Timestamp.UnixTime);
        }

        return envelope?.SentTime;
    }

    /// <summary>AMQP header values as text: long strings arrive as bytes, timestamps and arrays as their own types.</summary>
    private static Dictionary<string, string> DecodeHeaders(IDictionary<string, object?>? headers)
    {
        var decoded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers ?? new Dictionary<string, object?>())
        {
            decoded[name] = Text(value);
        }

        return decoded;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        AmqpTimestamp timestamp => DateTimeOffset.FromUnixTimeSeconds(timestamp.UnixTime).ToString("O", CultureInfo.InvariantCulture),
        IDictionary table => "{" + string.Join(", ", table.Keys.Cast<object>().Select(key => $"{key}: {Text(table[key])}")) + "}",
        IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Select(Text)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The few fields of MassTransit's JSON envelope this page shows; null when the body is not one.</summary>
    private sealed record Envelope(string? MessageId, string? MessageType, DateTimeOffset? SentTime)
    {
        public static Envelope? TryRead(ReadOnlySpan<byte> body)
        {
            try
            {
                var reader = new Utf8JsonReader(body);
                using var document = JsonDocument.ParseValue(ref reader);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                return new Envelope(
                    StringOf(root, "messageId"),
                    root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                        ? types[0].GetString()
                        : null,
                    root.TryGetProperty("sentTime", out var sent) && sent.ValueKind == JsonValueKind.String && sent.TryGetDateTimeOffset(out var at) ? at : null);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? StringOf(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
