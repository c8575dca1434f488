using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.InvitationService.Provider;

/// <summary>
/// IInvitationProvider over HTTP in Unipile's shape. Provider answers are mapped here and nowhere else: a 4xx is what
/// LinkedIn decided (passed on), a 5xx, a 429 without a Unipile limit type, a timeout or a broken connection is the
/// provider's own trouble (<see cref="ProviderUnavailableException"/>).
/// </summary>
public sealed class InvitationProviderClient(HttpClient http) : IInvitationProvider
{
    public async Task<ProviderAnswer<ProviderProfile>> GetProfileAsync(string providerAccountId, string identifier, CancellationToken ct)
    {
        using var response = await SendAsync(() => http.GetAsync($"/api/v1/users/{Uri.EscapeDataString(identifier)}?account_id={Uri.EscapeDataString(providerAccountId)}", ct));
        var body = await ReadAsync(response, ct);
        if (Decided(response, body) is { } error)
            return ProviderAnswer.Failed<ProviderProfile>(error);
        return ProviderAnswer.Ok(new ProviderProfile(Text(body, "provider_id") ?? throw Malformed("provider_id"),
            Text(body, "public_identifier") ?? "", Text(body, "first_name") ?? "", Text(body, "last_name") ?? "", body));
    }

    public async Task<ProviderAnswer<ProviderInvitation>> SendInvitationAsync(string providerAccountId, string recipientProviderId, string? message,
        string? userEmail, CancellationToken ct)
    {
        var request = new Dictionary<string, string> { ["provider_id"] = recipientProviderId, ["account_id"] = providerAccountId };
        if (message is not null)
            request["message"] = message;
        if (userEmail is not null)
            request["user_email"] = userEmail;
        using var response = await SendAsync(() => http.PostAsJsonAsync("/api/v1/users/invite", request, ct));
        var body = await ReadAsync(response, ct);
        if (Decided(response, body) is { } error)
            return ProviderAnswer.Failed<ProviderInvitation>(error);
        int? usage = body.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Number ? u.GetInt32() : null;
        return ProviderAnswer.Ok(new ProviderInvitation(Text(body, "invitation_id") ?? throw Malformed("invitation_id"), usage));
    }

    public async Task<ProviderAnswer<ProviderPage<ProviderSentInvitation>>> ListSentInvitationsAsync(string providerAccountId, string? cursor, CancellationToken ct)
    {
        using var response = await SendAsync(() => http.GetAsync(PageUrl("/api/v1/users/invite/sent", providerAccountId, cursor), ct));
        var body = await ReadAsync(response, ct);
        if (Decided(response, body) is { } error)
            return ProviderAnswer.Failed<ProviderPage<ProviderSentInvitation>>(error);
        return ProviderAnswer.Ok(Page(body, item =>
            new ProviderSentInvitation(Text(item, "id") ?? "", Text(item, "invited_user_id") ?? "", Text(item, "invited_user_public_id"))));
    }

    public async Task<ProviderAnswer<bool>> WithdrawInvitationAsync(string providerAccountId, string providerInvitationId, CancellationToken ct)
    {
        using var response = await SendAsync(() => http.DeleteAsync(
            $"/api/v1/users/invite/sent/{Uri.EscapeDataString(providerInvitationId)}?account_id={Uri.EscapeDataString(providerAccountId)}", ct));
        var body = await ReadAsync(response, ct);
        return Decided(response, body) is { } error ? ProviderAnswer.Failed<bool>(error) : ProviderAnswer.Ok(true);
    }

    public async Task<ProviderAnswer<ProviderPage<ProviderRelation>>> ListRelationsAsync(string providerAccountId, string? cursor, CancellationToken ct)
    {
        using var response = await SendAsync(() => http.GetAsync(PageUrl("/api/v1/users/relations", providerAccountId, cursor), ct));
        var body = await ReadAsync(response, ct);
        if (Decided(response, body) is { } error)
            return ProviderAnswer.Failed<ProviderPage<ProviderRelation>>(error);
        return ProviderAnswer.Ok(Page(body, item => new ProviderRelation(Text(item, "member_id") ?? "",
            Text(item, "public_identifier"),
            DateTimeOffset.TryParse(Text(item, "created_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null)));
    }

    private static string PageUrl(string path, string providerAccountId, string? cursor) =>
        $"{path}?account_id={Uri.EscapeDataString(providerAccountId)}&limit=100" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");

    private static ProviderPage<T> Page<T>(JsonElement body, Func<JsonElement, T> item)
    {
        var items = body.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(item).ToList()
            : throw Malformed("items");
        return new ProviderPage<T>(items, Text(body, "cursor"));
    }

    /// <summary>A 4xx LinkedIn decided, or null for a success; the provider's own failures throw.</summary>
    private static ProviderError? Decided(HttpResponseMessage response, JsonElement body)
    {
        if (response.IsSuccessStatusCode)
            return null;
        var status = (int)response.StatusCode;
        var type = Text(body, "type") ?? "";
        // A 429 is LinkedIn's limit when it says so; any other 429 (rate limiting of the API itself), a 408 or a 5xx is the
        // provider's trouble, and for a send it means the outcome is unknown.
        var decided = status is >= 400 and < 500 && status != 408 && (status != 429 || type.EndsWith("limit_exceeded", StringComparison.Ordinal));
        if (!decided)
            throw new ProviderUnavailableException($"The provider answered {status} {type}.");
        int? retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (int)Math.Ceiling(delta.TotalSeconds) : null;
        return new ProviderError(status, type, Text(body, "detail") ?? Text(body, "title") ?? "", retryAfter);
    }

    private static ProviderUnavailableException Malformed(string field) => new($"The provider's answer has no {field}.");

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
            throw new ProviderUnavailableException("The provider could not be reached or did not answer in time.", e);
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
