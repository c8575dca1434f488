using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.CrossService.Tests.Identities;
using Shouldly;

namespace Outreach.CrossService.Tests.AbuseLimits;

/// <summary>
/// Per-key rate limits in every service, through the real system: the default, an operator's override per account
/// reaching the services that ask seat-service about keys, the headers, and the 429 that stores nothing.
/// </summary>
[Collection(CrossServiceSuite.Name)]
public sealed class RateLimitTests(CrossServiceFixture system)
{
    private const int Limit = 5;

    public static TheoryData<string, string> LimitedRoutes => new()
    {
        { CrossServiceFixture.SeatService, "/user-list" },
        { CrossServiceFixture.IdentityService, "/v1/identities" },
        { CrossServiceFixture.InvitationService, "/api/v1/users/invite/sent" },
    };

    [Theory]
    [MemberData(nameof(LimitedRoutes))]
    public async Task A_key_without_an_override_is_told_the_default_budget(string service, string route)
    {
        var key = await system.IssueKeyAsync();

        using var response = await system.ClientFor(service, key).GetAsync(route);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(response, "x-ratelimit-limit").ShouldBe(600);
        Header(response, "x-ratelimit-remaining").ShouldBeInRange(0, 599);
        Header(response, "x-ratelimit-reset").ShouldBeInRange(1, 60);
    }

    [Theory]
    [MemberData(nameof(LimitedRoutes))]
    public async Task Past_the_accounts_limit_every_request_gets_429_with_retry_after(string service, string route)
    {
        var key = await system.IssueKeyAsync();
        await SetLimitAsync(key.AccountId, Limit);
        using var client = system.ClientFor(service, key);
        await RateLimitWindows.StartOfAMinuteAsync();

        var remaining = new List<int>();
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await client.GetAsync(route);
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
            Header(allowed, "x-ratelimit-limit").ShouldBe(Limit);
            remaining.Add(Header(allowed, "x-ratelimit-remaining"));
        }
        remaining.ShouldBe([4, 3, 2, 1, 0]);

        for (var i = 0; i < 3; i++)
        {
            using var refused = await client.GetAsync(route);
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            var retryAfter = refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0;
            retryAfter.ShouldBeInRange(1, 60);
            Header(refused, "x-ratelimit-remaining").ShouldBe(0);
            Header(refused, "x-ratelimit-reset").ShouldBe((int)retryAfter);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32().ShouldBe(429);
        }
    }

    [Fact]
    public async Task Another_key_is_not_slowed_by_a_key_that_used_its_budget()
    {
        var key = await system.IssueKeyAsync();
        var other = await system.IssueSecondKeyAsync(key.AccountId);
        await SetLimitAsync(key.AccountId, 2);
        await RateLimitWindows.StartOfAMinuteAsync();
        using var client = system.ClientFor(CrossServiceFixture.SeatService, key);
        for (var i = 0; i < 3; i++)
            (await client.GetAsync("/user-list")).Dispose();

        using var response = await system.ClientFor(CrossServiceFixture.SeatService, other).GetAsync("/user-list");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(response, "x-ratelimit-remaining").ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_write_stores_nothing()
    {
        var key = await system.IssueKeyAsync();
        await SetLimitAsync(key.AccountId, 1);
        using var client = system.ClientFor(CrossServiceFixture.IdentityService, key);
        await RateLimitWindows.StartOfAMinuteAsync();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/identities") { Content = JsonContent.Create(new { firstName = "A", lastName = "B", role = "C" }) };
            request.Headers.Add("Idempotency-Key", $"{key.KeyId}-{i}");
            using var response = await client.SendAsync(request);
            answers.Add(response.StatusCode);
        }

        answers.ShouldBe([HttpStatusCode.Created, .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)]);
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM identity_list WHERE key_id = $1", key.KeyId)).ShouldBe(1);
        // The allowed request's key was kept; none of the refused ones were (keys are stored hashed: counted by the access key's scope).
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM idempotency_keys WHERE scope = $1", "key:" + key.KeyId)).ShouldBe(1);
    }

    [Fact]
    public async Task Operator_routes_are_not_limited()
    {
        var key = await system.IssueKeyAsync();
        await SetLimitAsync(key.AccountId, 1);

        using var status = await system.Operator().GetAsync($"/admin/accounts/{key.AccountId}/status");

        status.StatusCode.ShouldBe(HttpStatusCode.OK);
        status.Headers.Contains("x-ratelimit-limit").ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"requests_per_minute": 0}""")]
    [InlineData("""{"requests_per_minute": -3}""")]
    [InlineData("""{"requests_per_minute": 100001}""")]
    [InlineData("""{"requests_per_minute": 2.5}""")]
    [InlineData("""{"requests_per_minute": "many"}""")]
    [InlineData("""{}""")]
    public async Task A_bad_override_is_422_naming_the_field(string body)
    {
        var key = await system.IssueKeyAsync();

        using var response = await system.Operator().PutAsync($"/admin/accounts/{key.AccountId}/rate-limit",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).NamesField("requests_per_minute").ShouldBeTrue();
    }

    [Fact]
    public async Task An_override_for_an_unknown_account_is_404()
    {
        using var response = await system.Operator().PutAsJsonAsync("/admin/accounts/acc_nobody/rate-limit", new { requests_per_minute = 10 });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Clearing_the_override_returns_the_account_to_the_default()
    {
        var key = await system.IssueKeyAsync();
        await SetLimitAsync(key.AccountId, 7);
        using (var limited = await system.ClientFor(CrossServiceFixture.SeatService, key).GetAsync("/user-list"))
            Header(limited, "x-ratelimit-limit").ShouldBe(7);

        using var cleared = await system.Operator().PutAsync($"/admin/accounts/{key.AccountId}/rate-limit",
            new StringContent("""{"requests_per_minute": null}""", System.Text.Encoding.UTF8, "application/json"));
        cleared.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await system.ClientFor(CrossServiceFixture.SeatService, key).GetAsync("/user-list");
        Header(response, "x-ratelimit-limit").ShouldBe(600);
    }

    private async Task SetLimitAsync(string accountId, int limit)
    {
        using var response = await system.Operator().PutAsJsonAsync($"/admin/accounts/{accountId}/rate-limit", new { requests_per_minute = limit });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requests_per_minute").GetInt32().ShouldBe(limit);
    }

    private static int Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture)
            : throw new ShouldAssertException($"{name} is missing from the {(int)response.StatusCode} answer.");
}
