using System.Diagnostics;
using System.Net;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Faults;

/// <summary>A sandbox of its own, since faults are global: no API key configured, 300 ms of latency, a 20 s "timeout" hang.</summary>
public sealed class FaultySandbox() : SandboxFixture(new Dictionary<string, string>
{
    ["LatencyMs"] = "300",
    ["TimeoutFaultMs"] = "20000",
});

/// <summary>One class, so one test at a time: each switches its fault off again before it ends.</summary>
public sealed class FaultTests(FaultySandbox sandbox) : IClassFixture<FaultySandbox>
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(300);

    private SandboxClient Client() => new(sandbox.Process.CreateClient(apiKey: null));

    [Fact]
    public async Task Without_a_configured_api_key_no_header_is_needed()
    {
        using var client = Client();

        (await client.ConnectAsync("jane@example.com")).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_500_fault_answers_unexpected_error_until_switched_off()
    {
        using var client = Client();
        var (accountId, _) = await client.ConnectedAsync("jane@example.com");

        var set = await client.SetFaultAsync("500");
        var failed = await client.GetAccountAsync(accountId);
        var failedLogin = await client.ConnectAsync("jane@example.com");
        await client.SetFaultAsync("none");

        set.Status.ShouldBe(HttpStatusCode.OK);
        set.Str("mode").ShouldBe("500");
        failed.Status.ShouldBe(HttpStatusCode.InternalServerError);
        failed.ErrorType.ShouldBe("errors/unexpected_error");
        failedLogin.Status.ShouldBe(HttpStatusCode.InternalServerError);
        (await client.GetAccountAsync(accountId)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_429_fault_carries_retry_after_and_ends_by_itself_after_for_seconds()
    {
        using var client = Client();
        var (accountId, _) = await client.ConnectedAsync("jane@example.com");

        await client.SetFaultAsync("429", forSeconds: 2);
        var limited = await client.GetAccountAsync(accountId);

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.ErrorType.ShouldBe("errors/too_many_requests");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        limited.Headers.RetryAfter.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 2);
        await Eventually.HoldsAsync(async () => (await client.GetAccountAsync(accountId)).Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10), "the 429 window ends");
        (await client.GetAsync("/api/v1/sandbox/faults")).Str("mode").ShouldBe("none");
    }

    [Fact]
    public async Task A_timeout_fault_hangs_until_the_client_gives_up()
    {
        using var client = Client();
        var (accountId, _) = await client.ConnectedAsync("jane@example.com");
        await client.SetFaultAsync("timeout");
        using var impatient = sandbox.Process.CreateClient(apiKey: null);
        impatient.Timeout = TimeSpan.FromSeconds(1);

        try
        {
            await Should.ThrowAsync<TaskCanceledException>(() => impatient.GetAsync(new Uri($"/api/v1/accounts/{accountId}", UriKind.Relative)));
        }
        finally
        {
            await client.SetFaultAsync("none");
        }

        (await client.GetAccountAsync(accountId)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_and_the_control_routes_stay_reachable_under_a_fault()
    {
        using var client = Client();
        await client.SetFaultAsync("500");
        try
        {
            (await client.Http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync("/api/v1/sandbox/faults")).Str("mode").ShouldBe("500");
        }
        finally
        {
            (await client.SetFaultAsync("none")).Str("mode").ShouldBe("none");
        }
    }

    [Fact]
    public async Task Configured_latency_is_added_to_provider_routes_but_not_to_health()
    {
        using var client = Client();
        var (accountId, _) = await client.ConnectedAsync("jane@example.com");

        var provider = Stopwatch.StartNew();
        await client.GetAccountAsync(accountId);
        provider.Stop();
        var health = Stopwatch.StartNew();
        await client.Http.GetAsync(new Uri("/health", UriKind.Relative));
        health.Stop();

        // The sandbox waits with Task.Delay, whose timer may fire a fraction of a millisecond before the stopwatch agrees.
        provider.Elapsed.ShouldBeGreaterThanOrEqualTo(Latency - TimeSpan.FromMilliseconds(10));
        health.Elapsed.ShouldBeLessThan(Latency);
    }

    [Theory]
    [InlineData("""{"mode":"503"}""")]
    [InlineData("""{"mode":"429","for_seconds":-1}""")]
    public async Task An_unknown_fault_mode_or_a_negative_duration_is_invalid(string body)
    {
        using var client = Client();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var refused = await Reply.ReadAsync(await client.Http.PostAsync(new Uri("/api/v1/sandbox/faults", UriKind.Relative), content));

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.ErrorType.ShouldBe("errors/invalid_parameters");
    }
}
