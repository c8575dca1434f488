using Microsoft.Net.Http.Headers;

namespace Outreach.Dashboard.Otlp;

/// <summary>The two encodings of OTLP/HTTP. A response is written in the encoding its request came in.</summary>
internal enum OtlpEncoding
{
    Protobuf,
    Json,
}

internal static class OtlpEncodings
{
    public const string ProtobufMediaType = "application/x-protobuf";
    public const string JsonMediaType = "application/json";

    /// <summary>By media type, parameters (charset) ignored; null for anything else, which is a 415.</summary>
    public static OtlpEncoding? Of(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return null;
        }

        var mediaType = parsed.MediaType.Value;
        if (string.Equals(mediaType, ProtobufMediaType, StringComparison.OrdinalIgnoreCase)
            || string.Equals(mediaType, "application/protobuf", StringComparison.OrdinalIgnoreCase))
        {
            return OtlpEncoding.Protobuf;
        }

        return string.Equals(mediaType, JsonMediaType, StringComparison.OrdinalIgnoreCase) ? OtlpEncoding.Json : null;
    }
}
