using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.CrossService.Tests.Identities;

public static class Json
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static bool NamesField(this JsonElement problem, string field) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
}
