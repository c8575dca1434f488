using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.AppHost.Hosting;
using Outreach.Testing;
using Npgsql;
using Outreach.AppHost.Testing;
using Outreach.EventSourcing;
using Outreach.SeatService.EventStore;
using Outreach.SeatService.Seats;

namespace Outreach.SeatService.Tests;

/// <summary>
/// The whole system, started once for the seat-service suites through the AppHost's testing entry: real PostgreSQL,
/// real RabbitMQ and the real service processes on random ports.
/// </summary>
public sealed class SeatServiceFixture : IAsyncLifetime
{
    private DistributedApplication? _app;
    private DocumentStore? _seats;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public string OperatorToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>();
        _app = await appHost.BuildAsync();
        await _app.StartAsync();
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("seat-service");
        OperatorToken = _app.OperatorToken;
        var seatsDb = await _app.GetConnectionStringAsync(SeatEventStore.ConnectionName)
            ?? throw new InvalidOperationException("seatsdb has no connection string.");
        _seats = DocumentStore.For(opts =>
        {
            opts.Connection(seatsDb);
            SeatEventStore.Configure(opts);
        });
    }

    public async Task DisposeAsync()
    {
        if (_seats is not null)
            await _seats.DisposeAsync();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    /// <summary>
    /// Activates a seat the way the connect flow will: by appending its activation through the domain. No public or
    /// operator route may activate a seat, so tests that need an active seat come through here.
    /// </summary>
    public async Task ActivateSeatAsync(string seatId)
    {
        await using var session = (_seats ?? throw new InvalidOperationException("Not started.")).LightweightSession();
        var stream = await session.Events.FetchForWriting<Seat>(seatId);
        var seat = stream.Aggregate ?? throw new InvalidOperationException($"No seat {seatId}.");
        stream.AppendOne(new SeatActivated(seat.Id, seat.AccountId, seat.KeyId, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    /// <summary>
    /// Issues a connect link for a seat through the domain with the given expiry, so a test can hold a link that has
    /// already expired without waiting seven days. Returns the link's path.
    /// </summary>
    public async Task<string> IssueConnectLinkAsync(string seatId, DateTimeOffset expiresAt)
    {
        var token = Outreach.SeatService.Auth.Secrets.NewId(Outreach.SeatService.Connect.ConnectLinks.TokenPrefix, 32);
        await using var session = (_seats ?? throw new InvalidOperationException("Not started.")).LightweightSession();
        var stream = await session.Events.FetchForWriting<Seat>(seatId);
        stream.AppendOne(new ConnectLinkIssued(seatId, Outreach.SeatService.Auth.Secrets.Hash(token), expiresAt, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return $"/c/{token}";
    }

    /// <summary>Runs a scalar query against another service's database, to observe a consumer's effect there.</summary>
    public async Task<T?> QueryAsync<T>(string database, string sql, params object[] parameters)
    {
        var connectionString = await App.GetConnectionStringAsync(database)
            ?? throw new InvalidOperationException($"{database} has no connection string.");
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>
    /// Publishes <paramref name="message"/> onto the system's broker the way another service's relay would, with the
    /// given MessageId (send the same id twice to act out a redelivery).
    /// </summary>
    public async Task PublishAsync<T>(T message, Guid messageId) where T : class =>
        await BrokerClient.PublishAsync(await BrokerAsync(), message, messageId);

    /// <summary>
    /// Listens for <typeparamref name="T"/> on the system's broker like a consumer in another service would, on a
    /// temporary queue of its own. Dispose it to stop listening.
    /// </summary>
    public async Task<MessageRecorder<T>> ListenAsync<T>() where T : class => await BrokerClient.ListenAsync<T>(await BrokerAsync());

    private async Task<string> BrokerAsync() =>
        await App.GetConnectionStringAsync("rabbitmq") ?? throw new InvalidOperationException("rabbitmq has no connection string.");

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => App.CreateHttpClient("seat-service");

    public HttpClient Operator()
    {
        var client = App.CreateHttpClient("seat-service");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken);
        return client;
    }

    public async Task<string> CreateAccountAsync(string name = "Acme")
    {
        using var response = await Operator().PostAsJsonAsync("/admin/accounts", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account_id").GetString()!;
    }

    public async Task<IssuedKey> IssueKeyAsync(string accountId)
    {
        using var response = await Operator().PostAsync($"/admin/accounts/{accountId}/access-keys", null);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new IssuedKey(accountId, body.GetProperty("key_id").GetString()!,
            body.GetProperty("access_key").GetString()!, body.GetProperty("secret").GetString()!);
    }

    /// <summary>A client authenticated with the access key of a fresh account (x-access-key, seed 000's form).</summary>
    public async Task<HttpClient> NewTenantClientAsync()
    {
        var key = await IssueKeyAsync(await CreateAccountAsync());
        return ClientFor(key);
    }

    public HttpClient ClientFor(IssuedKey key)
    {
        var client = App.CreateHttpClient("seat-service");
        client.DefaultRequestHeaders.Add("x-access-key", key.AccessKey);
        return client;
    }
}

public sealed record IssuedKey(string AccountId, string KeyId, string AccessKey, string Secret);

[CollectionDefinition(Name)]
public sealed class SeatServiceSuite : ICollectionFixture<SeatServiceFixture>
{
    public const string Name = "seat-service";
}
