using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Outreach.AppHost.Hosting.Demo;

/// <summary>The two calls of seat-service's operator API the AppHost needs, authorised by the operator token.</summary>
/// <exception cref="HttpRequestException">From every call: no answer, or a status that is not a success.</exception>
internal sealed class SeatServiceOperatorClient(HttpClient http, string operatorToken)
{
    /// <summary>POST /admin/accounts {"name"} → the new account's id.</summary>
    public async Task<string> CreateAccountAsync(string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/accounts") { Content = JsonContent.Create(new CreateAccountRequest(name)) };
        var created = await SendAsync<CreatedAccount>(request, cancellationToken);
        return created.AccountId;
    }

    /// <summary>POST /admin/accounts/{id}/access-keys → a new key, whose access key is shown this once.</summary>
    public async Task<IssuedAccessKey> IssueAccessKeyAsync(string accountId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"admin/accounts/{Uri.EscapeDataString(accountId)}/access-keys");
        return await SendAsync<IssuedAccessKey>(request, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new HttpRequestException($"{request.RequestUri} answered {(int)response.StatusCode} with an empty body.");
    }

    private sealed record CreateAccountRequest([property: JsonPropertyName("name")] string Name);

    private sealed record CreatedAccount([property: JsonPropertyName("account_id")] string AccountId);

    internal sealed record IssuedAccessKey(
        [property: JsonPropertyName("key_id")] string KeyId,
        [property: JsonPropertyName("access_key")] string AccessKey);
}
