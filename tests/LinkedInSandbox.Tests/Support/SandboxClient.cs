using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.LinkedInSandbox.Tests.Support;

/// <summary>The provider API as identity-service will call it: JSON bodies in Unipile's snake_case.</summary>
public sealed class SandboxClient(HttpClient http) : IDisposable
{
    public const string Code = "123456";

    public HttpClient Http => http;

    public Task<Reply> ConnectAsync(string username, string password = "secret") =>
        PostAsync("/api/v1/accounts", new { provider = "LINKEDIN", username, password });

    public Task<Reply> SolveAsync(string accountId, string code) =>
        PostAsync("/api/v1/accounts/checkpoint", new { account_id = accountId, code, provider = "LINKEDIN" });

    public Task<Reply> ResendAsync(string accountId) =>
        PostAsync("/api/v1/accounts/checkpoint/resend", new { account_id = accountId, provider = "LINKEDIN" });

    public Task<Reply> GetAccountAsync(string accountId) => GetAsync($"/api/v1/accounts/{accountId}");

    public async Task<string> StatusOfAsync(string accountId) =>
        (await GetAccountAsync(accountId)).Body.GetProperty("sources")[0].GetProperty("status").GetString()!;

    public async Task<Reply> DeleteAccountAsync(string accountId) =>
        await Reply.ReadAsync(await http.DeleteAsync(new Uri($"/api/v1/accounts/{accountId}", UriKind.Relative)));

    public Task<Reply> ReconnectAsync(string accountId, string sessionToken) =>
        PostAsync($"/api/v1/accounts/{accountId}/reconnect", new { session_token = sessionToken });

    public Task<Reply> RevokeAsync(string accountId) => PostAsync($"/api/v1/sandbox/accounts/{accountId}/revoke", new { });

    public Task<Reply> StopAsync(string accountId) => PostAsync($"/api/v1/sandbox/accounts/{accountId}/stop", new { });

    public Task<Reply> ProfileAsync(string identifier, string? accountId) =>
        GetAsync(accountId is null ? $"/api/v1/users/{identifier}" : $"/api/v1/users/{identifier}?account_id={Uri.EscapeDataString(accountId)}");

    public Task<Reply> SetFaultAsync(string mode, double? forSeconds = null) =>
        PostAsync("/api/v1/sandbox/faults", new { mode, for_seconds = forSeconds });

    /// <summary>A connected account: (account_id, session_token).</summary>
    public async Task<(string AccountId, string SessionToken)> ConnectedAsync(string username)
    {
        var reply = await ConnectAsync(username);
        if (reply.Status != System.Net.HttpStatusCode.Created)
            throw new InvalidOperationException($"Login of {username} did not connect: {reply}");
        return (reply.Str("account_id"), reply.Str("session_token"));
    }

    public async Task<Reply> PostAsync(string path, object body)
    {
        using var content = JsonContent.Create(body, options: new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        return await Reply.ReadAsync(await http.PostAsync(new Uri(path, UriKind.Relative), content));
    }

    public async Task<Reply> DeleteAsync(string path) => await Reply.ReadAsync(await http.DeleteAsync(new Uri(path, UriKind.Relative)));

    public async Task<Reply> GetAsync(string path) => await Reply.ReadAsync(await http.GetAsync(new Uri(path, UriKind.Relative)));

    public void Dispose() => http.Dispose();
}
