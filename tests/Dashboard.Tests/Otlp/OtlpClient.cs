using System.IO.Compression;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Outreach.Dashboard.Tests.Otlp;

/// <summary>Posts OTLP payloads the way an exporter does: protobuf or JSON, optionally gzipped, optionally with the API key.</summary>
internal static class OtlpClient
{
    public static Task<HttpResponseMessage> PostProtobufAsync(this HttpClient client, string path, IMessage message, string? apiKey = null, bool gzip = false) =>
        client.PostBytesAsync(path, message.ToByteArray(), "application/x-protobuf", apiKey, gzip);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json, string? apiKey = null, bool gzip = false) =>
        client.PostBytesAsync(path, System.Text.Encoding.UTF8.GetBytes(json), "application/json", apiKey, gzip);

    public static async Task<HttpResponseMessage> PostBytesAsync(this HttpClient client, string path, byte[] body, string contentType, string? apiKey = null, bool gzip = false)
    {
        if (gzip)
        {
            using var compressed = new MemoryStream();
            await using (var zip = new GZipStream(compressed, CompressionLevel.Fastest))
            {
                await zip.WriteAsync(body);
            }

            body = compressed.ToArray();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (gzip)
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }

        if (apiKey is not null)
        {
            request.Headers.Add("x-otlp-api-key", apiKey);
        }

        return await client.SendAsync(request);
    }
}
