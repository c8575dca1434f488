using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Outreach.ServiceDefaults.Tests.Support;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Http;

/// <summary>
/// Past its capacity a service answers at once with 503 and retry-after, rather than letting every request wait until
/// all of them time out; probes still answer, so the orchestrator does not restart a busy service.
/// </summary>
public sealed class AdmissionControlTests
{
    [Fact]
    public async Task Requests_beyond_the_concurrency_and_queue_limits_get_503_problem_json_at_once_and_health_still_answers()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        await using var app = await TestApp.StartAsync(
            endpoints => endpoints.MapGet("/busy", async () =>
            {
                Interlocked.Increment(ref started);
                await release.Task;
                return Results.Ok();
            }),
            settings: new Dictionary<string, string?>
            {
                ["Admission:MaxConcurrentRequests"] = "2",
                ["Admission:QueueLimit"] = "1",
            });

        var admitted = Enumerable.Range(0, 3).Select(_ => app.Client.GetAsync(new Uri("/busy", UriKind.Relative))).ToList();
        await Eventually.HoldsAsync(() => Volatile.Read(ref started) == 2, TimeSpan.FromSeconds(10), "two requests running");
        await Task.Delay(100); // the third is queued behind the two running

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var refused = await app.Client.GetAsync(new Uri("/busy", UriKind.Relative));
        clock.Stop();
        using var health = await app.Client.GetAsync(new Uri("/alive", UriKind.Relative));
        release.SetResult();
        var answers = await Task.WhenAll(admitted);

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32().ShouldBe(503);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_request_that_waits_in_the_queue_longer_than_the_queue_timeout_gets_503()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(
            endpoints => endpoints.MapGet("/busy", async () =>
            {
                await release.Task;
                return Results.Ok();
            }),
            settings: new Dictionary<string, string?>
            {
                ["Admission:MaxConcurrentRequests"] = "1",
                ["Admission:QueueLimit"] = "10",
                ["Admission:QueueTimeoutMs"] = "300",
            });

        var running = app.Client.GetAsync(new Uri("/busy", UriKind.Relative));
        await Task.Delay(200);
        using var queued = await app.Client.GetAsync(new Uri("/busy", UriKind.Relative));
        release.SetResult();
        using var first = await running;

        queued.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
