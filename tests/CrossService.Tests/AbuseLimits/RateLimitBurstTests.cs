using System.Net;
using System.Net.Http.Json;
using Shouldly;
using Xunit.Abstractions;

namespace Outreach.CrossService.Tests.AbuseLimits;

/// <summary>
/// The RELIABILITY.md figure: a concurrent burst of writes from one key far past its account's limit, on each service
/// that stores what a tenant sends. Exactly the limit gets through; every other answer is 429 with retry-after; the
/// refused requests store nothing.
/// </summary>
[Collection(CrossServiceSuite.Name)]
public sealed class RateLimitBurstTests(CrossServiceFixture system, ITestOutputHelper output)
{
    private const int Limit = 10;
    private const int Burst = 60;

    [Fact]
    public async Task A_burst_past_the_limit_lets_exactly_the_limit_through_and_stores_nothing_else()
    {
        var key = await system.IssueKeyAsync();
        using (var set = await system.Operator().PutAsJsonAsync($"/admin/accounts/{key.AccountId}/rate-limit", new { requests_per_minute = Limit }))
            set.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var client = system.ClientFor(CrossServiceFixture.IdentityService, key);
        await RateLimitWindows.StartOfAMinuteAsync(secondsNeeded: 20);

        var answers = await Task.WhenAll(Enumerable.Range(0, Burst).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/identities") { Content = JsonContent.Create(new { firstName = "Burst", lastName = $"N{i}", role = "Sales" }) };
            request.Headers.Add("Idempotency-Key", $"{key.KeyId}-burst-{i}");
            using var response = await client.SendAsync(request);
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta);
        }));

        var created = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var stored = await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM identity_list WHERE key_id = $1", key.KeyId);
        var keptKeys = await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM idempotency_keys WHERE scope = $1", "key:" + key.KeyId);
        output.WriteLine($"rate limit {Limit}/min, burst {Burst}: {created} created, {refused.Count} 429 ({refused.Count(r => r.RetryAfter > TimeSpan.Zero)} with retry-after), {stored} stored, {keptKeys} idempotency keys kept");

        created.ShouldBe(Limit);
        refused.Count.ShouldBe(Burst - Limit);
        refused.ShouldAllBe(r => r.RetryAfter > TimeSpan.Zero);
        stored.ShouldBe(Limit);
        keptKeys.ShouldBe(Limit);
    }
}
