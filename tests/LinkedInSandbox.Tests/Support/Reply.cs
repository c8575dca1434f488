using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Outreach.LinkedInSandbox.Tests.Support;

/// <summary>An answer read whole: status, headers and the JSON body (Undefined when there is none).</summary>
public sealed record Reply(HttpStatusCode Status, HttpResponseHeaders Headers, string? ContentType, JsonElement Body)
{
    public static async Task<Reply> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            return new Reply(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, body);
        }
    }

    public string Str(string name) => Body.GetProperty(name).GetString()!;

    public bool Has(string name) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The Unipile error type of a problem answer.</summary>
    public string ErrorType => Str("type");

    public override string ToString() => $"{(int)Status} {Body}";
}
