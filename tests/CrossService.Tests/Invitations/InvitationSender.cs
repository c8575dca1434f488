using System.Net;
using System.Text.Json;
using Outreach.CrossService.Tests.Identities;
using Shouldly;

namespace Outreach.CrossService.Tests.Invitations;

/// <summary>
/// A LinkedIn account that invitation-service knows may send: an identity (with a seat, or without) logged in through
/// identity-service with the sandbox, its LinkedInConnected (and the seat's messages) consumed by invitation-service.
/// Each one is a new LinkedIn member, so the sandbox's per-member limits never leak between tests.
/// </summary>
public sealed class InvitationSender
{
    public const string Manage = "/functions/v1/api-user-management";

    private InvitationSender(CrossServiceFixture system, IssuedKey key, LinkedInLogin login, string? seatId, string username)
    {
        System = system;
        Key = key;
        Login = login;
        SeatId = seatId;
        Username = username;
        Invitations = system.ClientFor(CrossServiceFixture.InvitationService, key);
        Seats = system.ClientFor(CrossServiceFixture.SeatService, key);
    }

    public CrossServiceFixture System { get; }
    public IssuedKey Key { get; }
    public LinkedInLogin Login { get; }
    public string? SeatId { get; }
    public string Username { get; }
    public HttpClient Invitations { get; }
    public HttpClient Seats { get; }

    /// <summary>The account_id of seed 004: the provider account the identity is connected with now.</summary>
    public string AccountId { get; private set; } = "";

    /// <summary>An identity created by the API, without a seat: its daily limit is the default 25.</summary>
    public static async Task<InvitationSender> WithoutSeatAsync(CrossServiceFixture system, IssuedKey? key = null)
    {
        key ??= await system.IssueKeyAsync();
        var client = system.ClientFor(CrossServiceFixture.IdentityService, key);
        var (created, body) = await client.SendJsonAsync(HttpMethod.Post, "/v1/identities", new { firstName = "Ines", lastName = "Vite", role = "Sales" });
        created.EnsureSuccessStatusCode();
        var sender = new InvitationSender(system, key, new LinkedInLogin(client, body.GetProperty("identity").GetProperty("id").GetString()!), null, NewUsername());
        await sender.ConnectAsync();
        return sender;
    }

    /// <summary>An active seat with <paramref name="dailyLimit"/> and its connected identity.</summary>
    public static async Task<InvitationSender> WithSeatAsync(CrossServiceFixture system, int dailyLimit = 25)
    {
        var key = await system.IssueKeyAsync();
        var seats = system.ClientFor(CrossServiceFixture.SeatService, key);
        (await seats.SendJsonAsync(HttpMethod.Post, Manage, new { action = "add", daily_limit = dailyLimit })).Response.EnsureSuccessStatusCode();
        var seatId = (await seats.SendJsonAsync(HttpMethod.Get, "/user-list")).Body.GetProperty("users")[0].GetProperty("id").GetString()!;
        await system.ActivateSeatAsync(seatId);
        var identityId = await system.CreateSeatIdentityAsync(key, seatId);
        var sender = new InvitationSender(system, key, new LinkedInLogin(system.ClientFor(CrossServiceFixture.IdentityService, key), identityId), seatId, NewUsername());
        await sender.ConnectAsync();
        await Eventually.Async(async () => await system.QueryAsync<string>("invitationsdb", "SELECT status FROM seat_views WHERE seat_id = $1", seatId) == "active",
            "invitation-service sees the seat active");
        return sender;
    }

    /// <summary>Logs in (again) with the sandbox and waits until invitation-service sends from the new provider account.</summary>
    public async Task ConnectAsync()
    {
        var previous = AccountId;
        var session = await Login.StartOkAsync(new { username = Username, password = "pw" });
        await Login.WaitForStatusAsync(session, "connected");
        await Eventually.Async(async () =>
        {
            AccountId = await System.QueryAsync<string>("invitationsdb",
                "SELECT provider_account_id FROM sending_accounts WHERE identity_id = $1 AND connected", Login.IdentityId) ?? "";
            return AccountId.Length > 0 && AccountId != previous;
        }, "invitation-service knows the LinkedIn account");
    }

    /// <summary>The provider_id this account sees for a public identifier (seed 004, step 1).</summary>
    public async Task<string> ProviderIdOfAsync(string publicIdentifier)
    {
        var (response, body) = await Invitations.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/{publicIdentifier}?account_id={AccountId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body.GetProperty("provider_id").GetString()!;
    }

    public Task<(HttpResponseMessage Response, JsonElement Body)> InviteAsync(string providerId, string? message = null) =>
        Invitations.SendJsonAsync(HttpMethod.Post, "/api/v1/users/invite",
            message is null ? new { provider_id = providerId, account_id = AccountId } : new { provider_id = providerId, account_id = AccountId, message });

    /// <summary>Invites a new person and expects it to go out.</summary>
    public async Task<string> InviteNewPersonAsync(string? publicIdentifier = null)
    {
        var providerId = await ProviderIdOfAsync(publicIdentifier ?? NewPerson());
        var (response, body) = await InviteAsync(providerId);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body.GetProperty("invitation_id").GetString()!;
    }

    /// <summary>GET /v1/invitations for this account, every page.</summary>
    public async Task<IReadOnlyList<JsonElement>> InvitationsAsync(string? status = null)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var url = $"/v1/invitations?account_id={AccountId}&limit=100" + (status is null ? "" : $"&status={status}") + (cursor is null ? "" : $"&cursor={cursor}");
            var (response, body) = await Invitations.SendJsonAsync(HttpMethod.Get, url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
            items.AddRange(body.GetProperty("items").EnumerateArray());
            cursor = body.GetProperty("cursor").ValueKind == JsonValueKind.String ? body.GetProperty("cursor").GetString() : null;
        } while (cursor is not null);
        return items;
    }

    public async Task<string> StatusOfAsync(string invitationId) =>
        await System.QueryAsync<string>("invitationsdb", "SELECT status FROM invitation_list WHERE invitation_id = $1", invitationId) ?? "";

    public static string NewPerson() => "person-" + Guid.NewGuid().ToString("N")[..12];

    private static string NewUsername() => $"sender.{Guid.NewGuid():N}@example.com";
}

public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task Async(Func<Task<bool>> condition, string what, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }
}
