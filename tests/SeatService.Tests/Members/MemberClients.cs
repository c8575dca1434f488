using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.SeatService.Tests.Members;

/// <summary>
/// One account seen through both member APIs: seed 001's routes with the access key (x-access-key), seed 002's with
/// the key id and secret (X-API-KEY + X-API-SECRET), as each document authenticates.
/// </summary>
public sealed record MemberAccount(IssuedKey Key, HttpClient Admin, HttpClient Workspace)
{
    public static async Task<MemberAccount> CreateAsync(SeatServiceFixture system)
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync("Acme Members"));
        var workspace = system.Anonymous();
        workspace.DefaultRequestHeaders.Add("X-API-KEY", key.KeyId);
        workspace.DefaultRequestHeaders.Add("X-API-SECRET", key.Secret);
        return new MemberAccount(key, system.ClientFor(key), workspace);
    }

    /// <summary>Creates a user through seed 001 and returns its user_uid.</summary>
    public async Task<string> CreateUserAsync(string email, string displayName = "User", string? phone = null)
    {
        var (response, body) = await Admin.PostJsonAsync("/user-management/users/", new { email, display_name = displayName, phone });
        response.EnsureSuccessStatusCode();
        return body.GetProperty("userData").GetProperty("user_uid").GetString()!;
    }
}

public static class MemberHttp
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PutJsonAsync(this HttpClient client, string url, object body) =>
        await SendAsync(client, new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) });

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> DeleteJsonAsync(this HttpClient client, string url, object body) =>
        await SendAsync(client, new HttpRequestMessage(HttpMethod.Delete, url) { Content = JsonContent.Create(body) });

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostEmptyAsync(this HttpClient client, string url) =>
        await SendAsync(client, new HttpRequestMessage(HttpMethod.Post, url));

    /// <summary>The named fields of a problem's errors object (ASP.NET Core's validation-problem shape).</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];

    public static IReadOnlyList<string> Names(this JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(item => item.GetProperty(property).GetString()!)];

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }
    }
}
