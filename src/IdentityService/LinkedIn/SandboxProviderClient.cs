using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.IdentityService.LinkedIn;

/// <summary>
/// ILinkedInProvider over HTTP in Unipile's shape (the linkedin-sandbox under the AppHost, or a real provider whose
/// base URL and key are configured). Provider answers are mapped to outcomes here and nowhere else.
/// </summary>
public sealed class SandboxProviderClient(HttpClient http) : ILinkedInProvider
{
    public async Task<ProviderOutcome> ConnectAsync(string username, string password, string? country, CancellationToken ct) =>
        await AccountAnswerAsync(() => http.PostAsJsonAsync("/api/v1/accounts", new Dictionary<string, string?>
        {
            ["provider"] = "LINKEDIN", ["username"] = username, ["password"] = password, ["country"] = country,
        }, ct), ct);

    public async Task<ProviderOutcome> SolveCheckpointAsync(string providerAccountId, string code, CancellationToken ct) =>
        await AccountAnswerAsync(() => http.PostAsJsonAsync("/api/v1/accounts/checkpoint", new Dictionary<string, string>
        {
            ["provider"] = "LINKEDIN", ["account_id"] = providerAccountId, ["code"] = code,
        }, ct), ct);

    public async Task<ProviderOutcome> ReconnectAsync(string providerAccountId, string sessionToken, CancellationToken ct) =>
        await AccountAnswerAsync(() => http.PostAsJsonAsync($"/api/v1/accounts/{Uri.EscapeDataString(providerAccountId)}/reconnect",
            new Dictionary<string, string> { ["session_token"] = sessionToken }, ct), ct);

    public async Task<ProviderOutcome> GetAccountAsync(string providerAccountId, CancellationToken ct)
    {
        using var response = await SendAsync(() => http.GetAsync($"/api/v1/accounts/{Uri.EscapeDataString(providerAccountId)}", ct));
        if (response.StatusCode == HttpStatusCode.NotFound)
            return new ProviderOutcome.Failed(LoginFailures.SessionInvalid);
        var account = await ReadAsync(response, ct);
        return Status(account) switch
        {
            "OK" => new ProviderOutcome.Connected(providerAccountId, Text(account, "session_token") ?? "", Profile(account)),
            "CONNECTING" => new ProviderOutcome.Pending(providerAccountId),
            "CREDENTIALS" => new ProviderOutcome.Failed(LoginFailures.InvalidCredentials),
            _ => new ProviderOutcome.Failed(LoginFailures.SessionInvalid),
        };
    }

    public async Task DisconnectAsync(string providerAccountId, CancellationToken ct)
    {
        using var response = await SendAsync(() => http.DeleteAsync($"/api/v1/accounts/{Uri.EscapeDataString(providerAccountId)}", ct));
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.NotFound))
            throw new ProviderUnavailableException($"The provider answered {(int)response.StatusCode} to a logout.");
    }

    /// <summary>201 connected, 202 a checkpoint, 4xx what LinkedIn decided, anything else the provider's own trouble.</summary>
    private async Task<ProviderOutcome> AccountAnswerAsync(Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        using var response = await SendAsync(send);
        var body = await ReadAsync(response, ct);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Created or HttpStatusCode.OK:
                var accountId = Text(body, "account_id") ?? throw new ProviderUnavailableException("The provider's answer has no account_id.");
                var account = await GetProfileAsync(accountId, ct);
                return new ProviderOutcome.Connected(accountId, Text(body, "session_token") ?? "", account);
            case HttpStatusCode.Accepted:
                return new ProviderOutcome.Checkpoint(Text(body, "account_id") ?? "",
                    body.TryGetProperty("checkpoint", out var checkpoint) ? Text(checkpoint, "type") ?? "2FA" : "2FA");
        }
        var type = Text(body, "type") ?? "";
        if (type.Contains("invalid_checkpoint_solution", StringComparison.Ordinal))
            return new ProviderOutcome.CodeRejected();
        if (type.Contains("checkpoint_expired", StringComparison.Ordinal))
            return new ProviderOutcome.Failed(LoginFailures.CheckpointExpired);
        if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout))
            return new ProviderOutcome.Failed(FailureReason(type, response.StatusCode));
        throw new ProviderUnavailableException($"The provider answered {(int)response.StatusCode}.");
    }

    private async Task<ProviderProfile> GetProfileAsync(string accountId, CancellationToken ct)
    {
        using var response = await SendAsync(() => http.GetAsync($"/api/v1/accounts/{Uri.EscapeDataString(accountId)}", ct));
        if (!response.IsSuccessStatusCode)
            throw new ProviderUnavailableException($"The provider answered {(int)response.StatusCode} for a connected account.");
        return Profile(await ReadAsync(response, ct));
    }

    private static string FailureReason(string type, HttpStatusCode status) => type switch
    {
        _ when type.Contains("captcha", StringComparison.Ordinal) => LoginFailures.CaptchaFailed,
        _ when type.Contains("checkpoint_error", StringComparison.Ordinal) => LoginFailures.CheckpointFailed,
        _ when type.Contains("restricted", StringComparison.Ordinal) => LoginFailures.Restricted,
        _ when type.Contains("expired", StringComparison.Ordinal) => LoginFailures.SessionInvalid,
        _ when type.Contains("credentials", StringComparison.Ordinal) || status == HttpStatusCode.Unauthorized => LoginFailures.InvalidCredentials,
        _ => type.Length > 0 ? type.Replace("errors/", "", StringComparison.Ordinal) : LoginFailures.InvalidCredentials,
    };

    private static ProviderProfile Profile(JsonElement account)
    {
        var im = account.TryGetProperty("connection_params", out var parameters) && parameters.TryGetProperty("im", out var value) ? value : default;
        var publicIdentifier = im.ValueKind == JsonValueKind.Object ? Text(im, "publicIdentifier") ?? Text(im, "public_identifier") : null;
        var profileId = (im.ValueKind == JsonValueKind.Object ? Text(im, "id") : null) ?? Text(account, "id") ?? "";
        return new ProviderProfile(profileId, Text(account, "name") ?? "", publicIdentifier is null ? "" : $"https://www.linkedin.com/in/{publicIdentifier}");
    }

    private static string? Status(JsonElement account) =>
        account.TryGetProperty("sources", out var sources) && sources.ValueKind == JsonValueKind.Array && sources.GetArrayLength() > 0
            ? Text(sources[0], "status")
            : Text(account, "status");

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException e)
        {
            throw new ProviderUnavailableException("The provider could not be reached.", e);
        }
        catch (TaskCanceledException e) when (!e.CancellationToken.IsCancellationRequested)
        {
            throw new ProviderUnavailableException("The provider did not answer in time.", e);
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ProviderUnavailableException("The provider's answer is not JSON.", e);
        }
    }
}
