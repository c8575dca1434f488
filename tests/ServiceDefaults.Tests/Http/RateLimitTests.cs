using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outreach.ServiceDefaults.Auth;
using Outreach.ServiceDefaults.Tests.Support;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Http;

/// <summary>
/// The per-key limiter as a service wires it (AddPerKeyRateLimits, UsePerKeyRateLimits) on a real Kestrel host: the
/// configured default, an account's override carried in the key's claims, and what is never limited.
/// </summary>
public sealed class RateLimitTests
{
    private const int ConfiguredLimit = 3;

    [Fact]
    public async Task The_configured_default_counts_down_then_answers_429_problem_details_with_retry_after()
    {
        await using var app = await StartAsync();
        await WaitForRoomInTheMinuteAsync();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < ConfiguredLimit + 2; i++)
            answers.Add(await SendAsync(app, "/things", "key_a"));

        answers.Select(a => a.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        answers.Select(a => Header(a, "x-ratelimit-limit")).ShouldAllBe(limit => limit == ConfiguredLimit);
        answers.Select(a => Header(a, "x-ratelimit-remaining")).ShouldBe([2, 1, 0, 0, 0]);
        var refused = answers[^1];
        refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(429);
        var retryAfter = (int)(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0);
        retryAfter.ShouldBeInRange(1, 60);
        Header(refused, "x-ratelimit-reset").ShouldBe(retryAfter);
        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task Each_key_has_its_own_budget_and_an_accounts_override_replaces_the_default()
    {
        await using var app = await StartAsync();
        await WaitForRoomInTheMinuteAsync();
        for (var i = 0; i < ConfiguredLimit + 1; i++)
            (await SendAsync(app, "/things", "key_busy")).Dispose();

        using var other = await SendAsync(app, "/things", "key_other");
        using var overridden = await SendAsync(app, "/things", "key_big,50");

        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(other, "x-ratelimit-remaining").ShouldBe(ConfiguredLimit - 1);
        Header(overridden, "x-ratelimit-limit").ShouldBe(50);
        Header(overridden, "x-ratelimit-remaining").ShouldBe(49);
    }

    [Fact]
    public async Task Requests_without_an_access_key_and_health_probes_are_never_limited()
    {
        await using var app = await StartAsync();

        for (var i = 0; i < ConfiguredLimit * 3; i++)
        {
            using var anonymous = await SendAsync(app, "/open", key: null);
            anonymous.StatusCode.ShouldBe(HttpStatusCode.OK);
            anonymous.Headers.Contains("x-ratelimit-limit").ShouldBeFalse();
            using var health = await SendAsync(app, "/alive", "key_probe");
            health.StatusCode.ShouldBe(HttpStatusCode.OK);
            health.Headers.Contains("x-ratelimit-limit").ShouldBeFalse();
        }
    }

    [Fact]
    public async Task A_route_that_opts_out_is_not_counted()
    {
        await using var app = await StartAsync();
        await WaitForRoomInTheMinuteAsync();
        for (var i = 0; i < ConfiguredLimit * 2; i++)
            (await SendAsync(app, "/key-check", "key_c")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var counted = await SendAsync(app, "/things", "key_c");

        Header(counted, "x-ratelimit-remaining").ShouldBe(ConfiguredLimit - 1);
    }

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(
        app =>
        {
            app.UsePerKeyRateLimits();
            app.MapGet("/things", () => Results.Ok(new { ok = true }));
            app.MapGet("/open", () => Results.Ok(new { ok = true }));
            app.MapGet("/key-check", () => Results.Ok(new { ok = true })).DisableRateLimiting();
        },
        builder =>
        {
            builder.Services.AddAuthentication(KeyHeaderHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, KeyHeaderHandler>(KeyHeaderHandler.SchemeName, null);
            builder.AddPerKeyRateLimits();
        },
        settings: new Dictionary<string, string?> { ["RateLimits:PermitsPerMinute"] = ConfiguredLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    // Windows are wall-clock minutes; a test counting a budget must not straddle two.
    private static async Task WaitForRoomInTheMinuteAsync()
    {
        var now = DateTimeOffset.UtcNow;
        if (now.Second > 50)
            await Task.Delay(TimeSpan.FromSeconds(61 - now.Second));
    }

    private static async Task<HttpResponseMessage> SendAsync(TestApp app, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
            request.Headers.Add("X-Test-Key", key);
        return await app.Client.SendAsync(request);
    }

    private static int Header(HttpResponseMessage response, string name) =>
        int.Parse(response.Headers.GetValues(name).Single(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"X-Test-Key: key_id[,requests_per_minute]" authenticates as that access key, as the real schemes do.</summary>
    private sealed class KeyHeaderHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestKey";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-Test-Key", out var header))
                return Task.FromResult(AuthenticateResult.NoResult());
            var parts = header.ToString().Split(',');
            var key = new CallerKey("acc_test", parts[0]) { RequestsPerMinute = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : null };
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(key.ToPrincipal(SchemeName), SchemeName)));
        }
    }
}
