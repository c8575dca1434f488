using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.TenantIsolation.Tests;

/// <summary>A request with an optional JSON body, answered as status, raw text and parsed JSON (default when empty or not JSON).</summary>
public static class HttpJson
{
    public static async Task<Answer> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = JsonContent.Create(body);
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

public sealed record Answer(int Status, string Text, JsonElement Body)
{
    public string Id(string property) => Body.GetProperty(property).GetString()!;
}
