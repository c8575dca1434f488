using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Outreach.ServiceDefaults.Auth;
using Outreach.ServiceDefaults.Tests.Support;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Auth;

/// <summary>
/// AddRemoteAccessKeyAuthentication against a stand-in seat-service: what is cached, what eviction drops, and the 503
/// when seat-service cannot be asked. The whole system's behaviour is in CrossService.Tests.
/// </summary>
public sealed class RemoteAccessKeyTests
{
    private const string GoodKey = "oak_good";

    [Fact]
    public async Task Answers_are_cached_and_eviction_of_the_key_id_forces_a_new_check()
    {
        var calls = 0;
        await using var seatService = await StartSeatServiceAsync(() => Interlocked.Increment(ref calls));
        await using var app = await StartServiceAsync(seatService.BaseAddress.ToString());

        (await GetAsync(app, GoodKey)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(app, "Bearer " + GoodKey, header: "Authorization")).StatusCode.ShouldBe(HttpStatusCode.OK);
        calls.ShouldBe(1, "the same access key in another header is the same cache entry");

        app.Services.GetRequiredService<RemoteAccessKeyCache>().Evict("key_1").ShouldBe(1);
        (await GetAsync(app, GoodKey)).StatusCode.ShouldBe(HttpStatusCode.OK);
        calls.ShouldBe(2);

        (await GetAsync(app, "oak_bad")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync(app, "oak_bad")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        calls.ShouldBe(3, "a refusal is cached too, briefly");
    }

    [Fact]
    public async Task Concurrent_requests_with_a_key_not_yet_cached_share_one_check()
    {
        var calls = 0;
        await using var seatService = await StartSeatServiceAsync(() => Interlocked.Increment(ref calls), delay: TimeSpan.FromMilliseconds(300));
        await using var app = await StartServiceAsync(seatService.BaseAddress.ToString());

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => GetAsync(app, GoodKey)));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        // Without sharing, every request that finds the entry missing (at start, or when it expires under load) asks
        // seat-service on its own: a burst of checks exactly when seat-service is busiest.
        calls.ShouldBe(1);
    }

    [Fact]
    public async Task An_unreachable_seat_service_is_a_503_not_a_401()
    {
        await using var app = await StartServiceAsync($"http://127.0.0.1:{ClosedPort()}");

        using var response = await GetAsync(app, GoodKey);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32().ShouldBe(503);
        // Without a credential there is nothing to ask: still the plain 401.
        (await app.Client.GetAsync("/who")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_seat_service_error_is_a_503_and_is_not_cached()
    {
        var calls = 0;
        await using var seatService = await StartSeatServiceAsync(() => Interlocked.Increment(ref calls), status: StatusCodes.Status500InternalServerError);
        await using var app = await StartServiceAsync(seatService.BaseAddress.ToString());

        (await GetAsync(app, GoodKey)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await GetAsync(app, GoodKey)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_service_without_the_revocation_consumer_does_not_start()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => StartServiceAsync("http://127.0.0.1:1", withConsumer: false));
        failure.Message.ShouldContain("AddAccessKeyRevocations");
    }

    private static async Task<HttpResponseMessage> GetAsync(TestApp app, string value, string header = "x-access-key")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/who");
        request.Headers.TryAddWithoutValidation(header, value);
        return await app.Client.SendAsync(request);
    }

    [Fact]
    public async Task Starting_and_serving_keys_creates_no_data_protection_key_until_something_protects_data()
    {
        await using var seatService = await StartSeatServiceAsync(() => { });
        var keys = Directory.CreateTempSubdirectory("dp-keys-");
        try
        {
            await using var app = await StartServiceAsync(seatService.BaseAddress.ToString(),
                configure: builder => builder.Services.AddDataProtection().PersistKeysToFileSystem(keys));
            (await GetAsync(app, GoodKey)).StatusCode.ShouldBe(HttpStatusCode.OK);
            keys.GetFiles().ShouldBeEmpty("the key ring is not loaded (nor a key made) at start or by an access-key request");

            var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
            protector.Unprotect(protector.Protect("still works")).ShouldBe("still works");
            keys.GetFiles("key-*.xml").Length.ShouldBe(1, "the first use loads the ring and makes its key");
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    private static Task<TestApp> StartServiceAsync(string seatServiceUrl, bool withConsumer = true, Action<WebApplicationBuilder>? configure = null) => TestApp.StartAsync(
        app => app.MapGet("/who", (ClaimsPrincipal user) => user.Tenant()).RequireAuthorization(AccessKeyScheme.Name),
        builder =>
        {
            configure?.Invoke(builder);
            builder.AddRemoteAccessKeyAuthentication();
            // The services register it with their bus (AddAccessKeyRevocations); there is no broker here.
            if (withConsumer)
                builder.Services.AddScoped<AccessKeyRevokedConsumer>();
            builder.Services.AddAuthorizationBuilder()
                .AddPolicy(AccessKeyScheme.Name, p => p.AddAuthenticationSchemes(AccessKeyScheme.Name).RequireAuthenticatedUser());
        },
        new Dictionary<string, string?> { [RemoteAccessKeyOptions.SeatServiceUrlKey] = seatServiceUrl });

    // Accepts only GoodKey (as key_1 of acc_1), in x-access-key, the form the checker sends.
    private static Task<TestApp> StartSeatServiceAsync(Action onCall, int status = StatusCodes.Status200OK, TimeSpan? delay = null) => TestApp.StartAsync(app =>
        app.MapGet(SeatServiceAccessKeys.CurrentKeyPath, async (HttpRequest request) =>
        {
            onCall();
            await Task.Delay(delay ?? TimeSpan.Zero);
            if (status != StatusCodes.Status200OK)
                return Results.StatusCode(status);
            return request.Headers["x-access-key"] == GoodKey
                ? Results.Ok(new { account_id = "acc_1", key_id = "key_1" })
                : Results.Unauthorized();
        }));

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
