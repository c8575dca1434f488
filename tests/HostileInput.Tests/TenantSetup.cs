using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.HostileInput.Tests;

/// <summary>Creates the tenant through the public routes: a seat, an identity logged in with the sandbox, a member.</summary>
public static class TenantSetup
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<Tenant> CreateAsync(HostileSystemFixture system)
    {
        var key = await system.IssueKeyAsync();
        var seats = ClientFor(system, HostileSystemFixture.SeatService, key);
        var added = await PostAsync(seats, "/functions/v1/api-user-management", new { action = "add" });
        var connectUrl = added.GetProperty("connect_url").GetString()!;
        var seatId = (await seats.GetFromJsonAsync<JsonElement>("/user-list")).GetProperty("users")[0].GetProperty("id").GetString()!;
        var member = await PostAsync(seats, "/user-management/users/", new { email = "member@hostile.example", display_name = "Member" });

        var identities = ClientFor(system, HostileSystemFixture.IdentityService, key);
        var identity = await PostAsync(identities, "/v1/identities", new { firstName = "Hos", lastName = "Tile", role = "Sales" });
        var identityId = identity.GetProperty("identity").GetProperty("id").GetString()!;
        var login = await PostAsync(identities, $"/v1/identities/{identityId}/linkedin/login",
            new { username = $"hostile-{Guid.NewGuid():N}@example.com", password = "pw" });
        var sessionId = login.GetProperty("login_result").GetProperty("session_id").GetString()!;
        await UntilAsync(async () => (await identities.GetFromJsonAsync<JsonElement>($"/v1/identities/{identityId}/linkedin/status/{sessionId}"))
            .GetProperty("login_result").GetProperty("status").GetString() == "connected", "the login connects");
        var accountId = "";
        await UntilAsync(async () =>
        {
            accountId = await system.QueryAsync<string>("invitationsdb",
                "SELECT provider_account_id FROM sending_accounts WHERE identity_id = $1 AND connected", identityId) ?? "";
            return accountId.Length > 0;
        }, "invitation-service knows the LinkedIn account");

        return new Tenant(key, seatId, connectUrl[(connectUrl.LastIndexOf('/') + 1)..], identityId, sessionId, accountId,
            member.GetProperty("userData").GetProperty("user_uid").GetString()!);
    }

    private static HttpClient ClientFor(HostileSystemFixture system, string service, IssuedKey key)
    {
        var client = system.Client(service);
        client.DefaultRequestHeaders.Add("x-access-key", key.AccessKey);
        return client;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Setup POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Setup: never saw {what}.");
            await Task.Delay(100);
        }
    }
}
