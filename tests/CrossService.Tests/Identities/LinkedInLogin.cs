using System.Net;
using System.Text.Json;
using Shouldly;

namespace Outreach.CrossService.Tests.Identities;

/// <summary>Drives one identity's LinkedIn login through identity-service's routes, as a client of seed 003 would.</summary>
public sealed class LinkedInLogin(HttpClient client, string identityId)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public string IdentityId { get; } = identityId;

    public static async Task<LinkedInLogin> ForNewIdentityAsync(CrossServiceFixture system)
    {
        var client = system.ClientFor(CrossServiceFixture.IdentityService, await system.IssueKeyAsync());
        var (created, body) = await client.SendJsonAsync(HttpMethod.Post, "/v1/identities", new { firstName = "Jane", lastName = "Doe", role = "Sales" });
        created.EnsureSuccessStatusCode();
        return new LinkedInLogin(client, body.GetProperty("identity").GetProperty("id").GetString()!);
    }

    public HttpClient Client => client;

    public Task<(HttpResponseMessage Response, JsonElement Body)> StartAsync(object? body) =>
        client.SendJsonAsync(HttpMethod.Post, $"/v1/identities/{IdentityId}/linkedin/login", body ?? new { });

    /// <summary>Starts a login and returns its session id, checking the documented answer.</summary>
    public async Task<string> StartOkAsync(object? body)
    {
        var (response, answer) = await StartAsync(body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.GetProperty("status").GetString().ShouldBe("success");
        answer.GetProperty("message").GetString().ShouldBe("LinkedIn login initiated");
        answer.GetProperty("identity_id").GetString().ShouldBe(IdentityId);
        var result = answer.GetProperty("login_result");
        result.GetProperty("status").GetString().ShouldBe("queued");
        return result.GetProperty("session_id").GetString()!;
    }

    public async Task<JsonElement> StatusAsync(string sessionId)
    {
        var (response, body) = await client.SendJsonAsync(HttpMethod.Get, $"/v1/identities/{IdentityId}/linkedin/status/{sessionId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body.GetProperty("login_result");
    }

    public async Task<JsonElement> WaitForStatusAsync(string sessionId, string status)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var result = await StatusAsync(sessionId);
            if (result.GetProperty("status").GetString() == status)
                return result;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Login {sessionId} never reached {status}; last seen {result}.");
            await Task.Delay(50);
        }
    }

    public Task<(HttpResponseMessage Response, JsonElement Body)> SubmitAsync(string sessionId, string code) =>
        client.SendJsonAsync(HttpMethod.Post, $"/v1/identities/{IdentityId}/linkedin/code/{sessionId}", new { code });

    public async Task<JsonElement> CheckAsync() =>
        (await client.SendJsonAsync(HttpMethod.Get, $"/v1/identities/{IdentityId}/linkedin/check")).Body;
}
