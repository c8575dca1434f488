using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.SecretScan.Tests.Scenario;

/// <summary>A request with an optional JSON body and extra headers, answered as status, raw text and parsed JSON.</summary>
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

public sealed record Answer(int Status, string Text, JsonElement Body)
{
    public string Id(string property) => Body.GetProperty(property).GetString()!;

    public Answer Ok(params int[] expected)
    {
        if (!expected.Contains(Status))
            throw new InvalidOperationException($"Expected {string.Join(" or ", expected)}, got {Status}: {Text}");
        return this;
    }
}

public static class Eventually
{
    public static async Task Async(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not within {seconds} s: {what}.");
            await Task.Delay(200);
        }
    }
}
