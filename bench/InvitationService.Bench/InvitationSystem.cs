using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Testing;

namespace Outreach.InvitationService.Bench;

/// <summary>
/// The whole system started the way tests/CrossService.Tests starts it, with invitation-service's pacing off and the
/// sandbox at 0 latency with limits high enough not to interfere.
/// </summary>
internal sealed class InvitationSystem : IAsyncDisposable
{
    public const string Invitations = "invitation-service";
    public const string Sandbox = "linkedin-sandbox";

    private static readonly Dictionary<string, Dictionary<string, string>> Settings = new()
    {
        [Invitations] = new()
        {
            ["Invitations__PacingMinMs"] = "0",
            ["Invitations__PacingMaxMs"] = "0",
            ["Invitations__QueuePollMs"] = "20",
            ["Invitations__AcceptancePollMs"] = "600000",
        },
        [Sandbox] = new()
        {
            ["Sandbox__LatencyMs"] = "0",
            ["Sandbox__AcceptanceRate"] = "0",
            ["Sandbox__DailyInvitationLimit"] = "1000000",
            ["Sandbox__WeeklyInvitationLimit"] = "1000000",
        },
    };

    private readonly DistributedApplication _app;
    private NpgsqlDataSource? _invitationsDb;

    private InvitationSystem(DistributedApplication app) => _app = app;

    public static async Task<InvitationSystem> StartAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>();
        foreach (var (resource, settings) in Settings)
        {
            appHost.Resources.OfType<Outreach.AppHost.Hosting.ApplicationModel.Resource>().Single(r => r.Name == resource).EnvironmentCallbacks.Add(context =>
            {
                foreach (var (name, value) in settings)
                    context.EnvironmentVariables[name] = value;
            });
        }
        var app = await appHost.BuildAsync();
        try
        {
            await app.StartAsync();
            foreach (var resource in new[] { "seat-service", "identity-service", Invitations, Sandbox })
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource);
            return new InvitationSystem(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public DistributedApplication App => _app;

    public async Task<Key> NewKeyAsync(string accountName)
    {
        using var client = _app.CreateHttpClient("seat-service");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _app.OperatorToken);
        using var account = await client.PostAsJsonAsync("/admin/accounts", new { name = accountName });
        account.EnsureSuccessStatusCode();
        var accountId = (await account.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account_id").GetString()!;
        using var key = await client.PostAsync(new Uri($"/admin/accounts/{accountId}/access-keys", UriKind.Relative), null);
        key.EnsureSuccessStatusCode();
        var body = await key.Content.ReadFromJsonAsync<JsonElement>();
        return new Key(accountId, body.GetProperty("key_id").GetString()!, body.GetProperty("access_key").GetString()!);
    }

    public HttpClient Client(string service, Key? key = null)
    {
        var client = _app.CreateHttpClient(service);
        if (key is not null)
            client.DefaultRequestHeaders.Add("x-access-key", key.AccessKey);
        return client;
    }

    public async Task<T?> QueryAsync<T>(string sql, params object[] parameters)
    {
        _invitationsDb ??= NpgsqlDataSource.Create((await _app.GetConnectionStringAsync("invitationsdb"))!);
        await using var command = _invitationsDb.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>An active seat with the highest daily limit, its identity logged in with the sandbox, known to invitation-service.</summary>
    public async Task<Sender> NewSeatSenderAsync(string accountName)
    {
        // One account and key per seat: the bench's "accounts" are tenants of their own, as the load issue describes.
        var key = await NewKeyAsync(accountName);
        using var seats = Client("seat-service", key);
        using var identities = Client("identity-service", key);
        using var added = await seats.PostAsJsonAsync("/functions/v1/api-user-management", new { action = "add", daily_limit = 100 });
        added.EnsureSuccessStatusCode();
        var list = await seats.GetFromJsonAsync<JsonElement>("/user-list?status=pending");
        var seatId = list.GetProperty("users")[0].GetProperty("id").GetString()!;
        await ActivateSeatAsync(seatId);
        var identityId = await CreateSeatIdentityAsync(key, seatId);
        using var login = await identities.PostAsJsonAsync($"/v1/identities/{identityId}/linkedin/login",
            new { username = $"bench.{Guid.NewGuid():N}@example.com", password = "pw" });
        login.EnsureSuccessStatusCode();
        string? account = null;
        for (var tries = 0; account is null; tries++)
        {
            if (tries > 600)
                throw new TimeoutException($"Seat {seatId} never became a sending account.");
            await Task.Delay(50);
            account = await QueryAsync<string>("""
                SELECT a.provider_account_id FROM sending_accounts a JOIN seat_views s ON s.seat_id = a.seat_id
                WHERE a.identity_id = $1 AND a.connected AND s.status = 'active'
                """, identityId);
        }
        return new Sender(key, seatId, identityId, account);
    }

    private async Task ActivateSeatAsync(string seatId)
    {
        await using var store = Outreach.EventSourcing.DocumentStore.For(opts =>
        {
            opts.Connection(ConnectionString(Outreach.SeatService.EventStore.SeatEventStore.ConnectionName));
            Outreach.SeatService.EventStore.SeatEventStore.Configure(opts);
        });
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Outreach.SeatService.Seats.Seat>(seatId);
        var seat = stream.Aggregate!;
        stream.AppendOne(new Outreach.SeatService.Seats.SeatActivated(seat.Id, seat.AccountId, seat.KeyId, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    private async Task<string> CreateSeatIdentityAsync(Key key, string seatId)
    {
        await using var store = Outreach.EventSourcing.DocumentStore.For(opts =>
        {
            opts.Connection(ConnectionString(Outreach.IdentityService.EventStore.IdentityEventStore.ConnectionName));
            Outreach.IdentityService.EventStore.IdentityEventStore.Configure(opts);
        });
        await using var session = store.LightweightSession();
        var id = Outreach.IdentityService.Identities.CreateIdentity.Start(session, new Outreach.ServiceDefaults.Auth.CallerKey(key.AccountId, key.KeyId),
            seatId, "Bench", "Seat", "Sales", DateTimeOffset.UtcNow);
        await session.SaveChangesAsync();
        return id;
    }

    private string ConnectionString(string database) =>
        ((Outreach.AppHost.Hosting.ApplicationModel.IResourceWithConnectionString)_app.Model.Find(database)!).GetConnectionString();

    public async ValueTask DisposeAsync()
    {
        if (_invitationsDb is not null)
            await _invitationsDb.DisposeAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record Key(string AccountId, string KeyId, string AccessKey);

/// <summary>A seat that may send: AccountId is the API's account_id (the provider account).</summary>
internal sealed record Sender(Key Key, string SeatId, string IdentityId, string AccountId);
