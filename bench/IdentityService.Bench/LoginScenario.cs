using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.IdentityService.Bench;

/// <summary>One login started by the bench: the identity it is for and the session the route answered.</summary>
internal sealed record Login(string IdentityId, string SessionId);

/// <summary>
/// identity-service's LinkedIn login routes driven as tests/CrossService.Tests/Identities/LinkedInLogin.cs drives
/// them, and the sandbox's own routes for the baselines. Every answer is checked: a wrong one stops the bench.
/// </summary>
internal static class LoginScenario
{
    public const string Code = "123456";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>A username the sandbox answers with a 2FA checkpoint (src/LinkedInSandbox/README.md).</summary>
    public static string TwoFactorUser(int n) => $"bench{n}+2fa@example.com";

    public static async Task<List<string>> CreateIdentitiesAsync(HttpClient[] http, int count)
    {
        var ids = new string[count];
        await Load.RunAsync(http.Length, Enumerable.Range(0, count).ToList(), async (c, i) =>
        {
            using var response = await http[c].PostAsJsonAsync("/v1/identities", new { firstName = "Jane", lastName = $"Bench{i}", role = "Sales" });
            var body = await ReadAsync(response, HttpStatusCode.Created, "create identity");
            ids[i] = body.GetProperty("identity").GetProperty("id").GetString()!;
        });
        return [.. ids];
    }

    /// <summary>Figure 1's baseline: a bare authenticated read of an existing identity (auth, one stream read, JSON).</summary>
    public static async Task GetIdentityAsync(HttpClient client, string identityId)
    {
        using var response = await client.GetAsync(new Uri($"/v1/identities/{identityId}", UriKind.Relative));
        await ReadAsync(response, HttpStatusCode.OK, "get identity");
    }

    /// <summary>Context for figure 1: another write of one identity (load the stream, append one event, inline projection, commit, read back) with no worker behind it.</summary>
    public static async Task UpdateIdentityAsync(HttpClient client, string identityId)
    {
        using var response = await client.PutAsJsonAsync(new Uri($"/v1/identities/{identityId}", UriKind.Relative),
            new { firstName = "Jane", lastName = "Updated", role = "Sales" });
        await ReadAsync(response, HttpStatusCode.OK, "update identity");
    }

    /// <summary>Figure 1: the login request, timed to its 200 "queued" answer read in full.</summary>
    public static async Task<Login> StartAsync(HttpClient client, string identityId, string username)
    {
        using var response = await client.PostAsJsonAsync(new Uri($"/v1/identities/{identityId}/linkedin/login", UriKind.Relative),
            new { username, password = "pw" });
        var result = (await ReadAsync(response, HttpStatusCode.OK, "login")).GetProperty("login_result");
        if (result.GetProperty("status").GetString() != "queued")
            throw new InvalidOperationException($"login answered {result}, not queued.");
        return new Login(identityId, result.GetProperty("session_id").GetString()!);
    }

    /// <summary>Polls every login's status until it is at its checkpoint (outside any timed part).</summary>
    public static async Task WaitForCheckpointsAsync(HttpClient[] http, IReadOnlyList<Login> logins)
    {
        await Load.RunAsync(http.Length, logins, async (c, login) =>
        {
            var deadline = DateTime.UtcNow + Patience;
            while (true)
            {
                using var response = await http[c].GetAsync(new Uri($"/v1/identities/{login.IdentityId}/linkedin/status/{login.SessionId}", UriKind.Relative));
                var result = (await ReadAsync(response, HttpStatusCode.OK, "login status")).GetProperty("login_result");
                var status = result.GetProperty("status").GetString();
                if (status == "checkpoint")
                    return;
                if (status is not ("queued" or "in_progress") || DateTime.UtcNow > deadline)
                    throw new InvalidOperationException($"Login {login.SessionId} did not reach its checkpoint: {result}.");
                await Task.Delay(50);
            }
        });
    }

    /// <summary>Figure 2: the right code, timed to the 200 "connected" answer read in full.</summary>
    public static async Task SubmitCodeAsync(HttpClient client, Login login)
    {
        using var response = await client.PostAsJsonAsync(new Uri($"/v1/identities/{login.IdentityId}/linkedin/code/{login.SessionId}", UriKind.Relative),
            new { code = Code });
        var result = (await ReadAsync(response, HttpStatusCode.OK, "submit code")).GetProperty("login_result");
        if (result.GetProperty("status").GetString() != "connected")
            throw new InvalidOperationException($"submit code answered {result}, not connected.");
    }

    /// <summary>A sandbox account waiting at a 2FA checkpoint, made straight on the sandbox (not timed).</summary>
    public static async Task<List<string>> CreateCheckpointAccountsAsync(HttpClient[] sandbox, int count, int from)
    {
        var ids = new string[count];
        await Load.RunAsync(sandbox.Length, Enumerable.Range(0, count).ToList(), async (c, i) =>
        {
            using var response = await sandbox[c].PostAsJsonAsync("/api/v1/accounts",
                new { provider = "LINKEDIN", username = TwoFactorUser(from + i), password = "pw" });
            ids[i] = (await ReadAsync(response, HttpStatusCode.Accepted, "sandbox account")).GetProperty("account_id").GetString()!;
        });
        return [.. ids];
    }

    /// <summary>Figure 2's baseline: the sandbox's own checkpoint route with the right code.</summary>
    public static async Task SolveOnSandboxAsync(HttpClient sandbox, string accountId)
    {
        using var response = await sandbox.PostAsJsonAsync("/api/v1/accounts/checkpoint", new { account_id = accountId, code = Code, provider = "LINKEDIN" });
        await ReadAsync(response, HttpStatusCode.Created, "sandbox checkpoint");
    }

    /// <summary>Context: the two sandbox calls the code route's provider client makes on success (solve, then the account for its profile).</summary>
    public static async Task SolveAndReadOnSandboxAsync(HttpClient sandbox, string accountId)
    {
        await SolveOnSandboxAsync(sandbox, accountId);
        using var response = await sandbox.GetAsync(new Uri($"/api/v1/accounts/{accountId}", UriKind.Relative));
        await ReadAsync(response, HttpStatusCode.OK, "sandbox account read");
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
