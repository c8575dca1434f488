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
    private static readonly Uri Address = new("http://identity-service/");

    /// <summary>The seat's identity, created once (identity-service answers the same id when asked again).</summary>
    public async Task<string> EnsureSeatIdentityAsync(string seatId, string accountId, string keyId, string firstName, string lastName, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, $"internal/seats/{Uri.EscapeDataString(seatId)}/identity",
            new { account_id = accountId, key_id = keyId, first_name = firstName, last_name = lastName });
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("identity_id").GetString()!;
    }

    /// <summary>identity-service's answer: its status code and JSON body (a problem+json on failure).</summary>
    public sealed record Answer(int Status, JsonElement Body)
    {
        public bool IsSuccess => Status is >= 200 and < 300;

        /// <summary>The detail of a problem answer, safe to show: identity-service never echoes a password.</summary>
        public string Detail => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
    }

    /// <summary>Starts a LinkedIn login; the password is in this request's body only and is not kept.</summary>
    public Task<Answer> StartLoginAsync(string identityId, string username, string password, int maxVerificationWaitSeconds, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"internal/identities/{Uri.EscapeDataString(identityId)}/linkedin/login",
            new Dictionary<string, object> { ["username"] = username, ["password"] = password, ["max_verification_wait_time"] = maxVerificationWaitSeconds }, ct);

    public Task<Answer> LoginStatusAsync(string identityId, string sessionId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"internal/identities/{Uri.EscapeDataString(identityId)}/linkedin/status/{Uri.EscapeDataString(sessionId)}", null, ct);

    public Task<Answer> SubmitCodeAsync(string identityId, string sessionId, string code, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"internal/identities/{Uri.EscapeDataString(identityId)}/linkedin/code/{Uri.EscapeDataString(sessionId)}", new { code }, ct);

    /// <summary>Ends a login at a checkpoint the connect page cannot show (a captcha, a phone number), so a new one may start.</summary>
    public Task<Answer> DeclineCheckpointAsync(string identityId, string sessionId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"internal/identities/{Uri.EscapeDataString(identityId)}/linkedin/decline/{Uri.EscapeDataString(sessionId)}", null, ct);

    private async Task<Answer> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = Request(method, path, body);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var json = string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new Answer((int)response.StatusCode, json);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        _ = configuration[UrlKey] ?? throw new InvalidOperationException($"{UrlKey} is missing: run seat-service under the AppHost.");
        // By name: service discovery picks one of identity-service's replicas for each request.
        var request = new HttpRequestMessage(method, new Uri(Address, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", configuration["Operator:Token"]);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return request;
    }
}
