using System.Text;

namespace Outreach.TenantIsolation.Tests;

/// <summary>Sends one route case with given credentials and placeholder values.</summary>
public sealed class MatrixProbe(IsolationFixture system)
{
    public async Task<Answer> SendAsync(RouteCase route, IReadOnlyDictionary<string, string> headers, IReadOnlyDictionary<string, string> values)
    {
        using var client = system.Client(route.Service, headers);
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), RouteCase.Fill(route.Path, values));
        if (route.Body is not null)
            request.Content = new StringContent(RouteCase.Fill(route.Body, values), Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer((int)response.StatusCode, text, Parse(text));
    }

    /// <summary>The request's own text: a value the caller sent may come back (a 404 naming the id) without revealing anything.</summary>
    public static string RequestText(RouteCase route, IReadOnlyDictionary<string, string> values) =>
        RouteCase.Fill(route.Path, values) + " " + (route.Body is null ? "" : RouteCase.Fill(route.Body, values));

    private static System.Text.Json.JsonElement Parse(string text)
    {
        try
        {
            return text.Length == 0 ? default : System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (System.Text.Json.JsonException)
        {
            return default;
        }
    }
}
