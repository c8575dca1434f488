using System.Net;
using System.Text.Json;

namespace Outreach.ServiceDefaults.Tests.Support;

public sealed record HealthAnswer(HttpStatusCode Status, IReadOnlyDictionary<string, string> Checks);

public static class HealthProbe
{
    public static async Task<HealthAnswer> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return new HealthAnswer(response.StatusCode, body.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!));
    }

    public static Task UntilAsync(HttpClient client, HttpStatusCode status, TimeSpan timeout) =>
        Eventually.HoldsAsync(async () => (await GetAsync(client, "/health")).Status == status, timeout, $"/health answers {(int)status}");
}
