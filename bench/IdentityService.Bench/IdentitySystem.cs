using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Testing;

namespace Outreach.IdentityService.Bench;

/// <summary>
/// The whole system started the way tests/CrossService.Tests/CrossServiceFixture.cs starts it: the AppHost's real
/// Program through its testing entry (private PostgreSQL and RabbitMQ, the real service processes and the
/// linkedin-sandbox on random ports, the sandbox's LatencyMs at its default 0).
/// </summary>
internal sealed class IdentitySystem : IAsyncDisposable
{
    public const string IdentityService = "identity-service";
    public const string Sandbox = "linkedin-sandbox";

    private readonly DistributedApplication _app;

    private IdentitySystem(DistributedApplication app) => _app = app;

    public static async Task<IdentitySystem> StartAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>();
        WithoutRateLimits(appHost);
        var app = await appHost.BuildAsync();
        try
        {
            await app.StartAsync();
            foreach (var resource in new[] { "seat-service", IdentityService, Sandbox })
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource);
            return new IdentitySystem(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh account and one access key of it, through seat-service's operator routes.</summary>
    public async Task<string> NewAccessKeyAsync(string accountName)
    {
        using var client = _app.CreateHttpClient("seat-service");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _app.OperatorToken);
        using var account = await client.PostAsJsonAsync("/admin/accounts", new { name = accountName });
        account.EnsureSuccessStatusCode();
        var accountId = (await account.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account_id").GetString()!;
        using var key = await client.PostAsync(new Uri($"/admin/accounts/{accountId}/access-keys", UriKind.Relative), null);
        key.EnsureSuccessStatusCode();
        return (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_key").GetString()!;
    }

    /// <summary>A client of identity-service (one connection per HttpClient as used here) sending the access key.</summary>
    public HttpClient IdentityClient(string accessKey)
    {
        var client = _app.CreateHttpClient(IdentityService);
        client.DefaultRequestHeaders.Add("x-access-key", accessKey);
        return client;
    }

    /// <summary>A client of the sandbox itself (its ApiKey is empty in the AppHost: no header needed).</summary>
    public HttpClient SandboxClient() => _app.CreateHttpClient(Sandbox);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    // The bench measures the service, not the per-key limit: its load comes from one key.
    private static void WithoutRateLimits(IDistributedApplicationTestingBuilder appHost)
    {
        foreach (var service in new[] { "seat-service", "identity-service", "invitation-service" })
            appHost.Resources.OfType<Outreach.AppHost.Hosting.ApplicationModel.Resource>().Single(r => r.Name == service).EnvironmentCallbacks.Add(context =>
                context.EnvironmentVariables["RateLimits__PermitsPerMinute"] = "10000000");
    }
}
