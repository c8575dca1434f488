using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.Testing.Http;

/// <summary>
/// A request with an optional JSON body and extra headers, answered as status, raw text and parsed JSON (default when
/// empty or not JSON). In a namespace of its own: CrossService.Tests has a SendJsonAsync of its own beside Outreach.Testing.
/// </summary>
public static class HttpJson
{
    public static async Task<Answer> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer((int)response.StatusCode, text, Parse(text));
    }

    private static JsonElement Parse(string text)
    {
        if (text.Length == 0)
            return default;
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
