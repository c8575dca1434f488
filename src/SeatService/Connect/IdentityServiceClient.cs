using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.SeatService.Connect;

/// <summary>
/// identity-service's /internal routes, called with the operator token for the person on a connect link (who has no
/// access key). The LinkedIn password passes through in a request body only: it is never kept or logged here.
/// </summary>
public sealed class IdentityServiceClient(HttpClient http, IConfiguration configuration)
{
    public const string UrlKey = "services:identity-service:http:0";

    /// <summary>The seat's identity, created once (identity-service answers the same id when asked again).</summary>
    public async Task<string> EnsureSeatIdentityAsync(string seatId, string accountId, string keyId, string firstName, string lastName, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, $"internal/seats/{Uri.EscapeDataString(seatId)}/identity",
            new { account_id = accountId, key_id = keyId, first_name = firstName, last_name = lastName });
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("identity_id").GetString()!;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var baseUrl = configuration[UrlKey] ?? throw new InvalidOperationException($"{UrlKey} is missing: run seat-service under the AppHost.");
        var request = new HttpRequestMessage(method, new Uri(new Uri(baseUrl.TrimEnd('/') + "/"), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", configuration["Operator:Token"]);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return request;
    }
}
