using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.SeatService.Tests;

public static class Http
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        return (response, await ReadBodyAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await ReadBodyAsync(response));
    }

    public static Task<(HttpResponseMessage Response, JsonElement Body)> ManageAsync(this HttpClient client, object body) =>
        client.PostJsonAsync("/functions/v1/api-user-management", body);

    private static async Task<JsonElement> ReadBodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
