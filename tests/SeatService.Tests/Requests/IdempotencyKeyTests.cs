using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Outreach.SeatService.Tests.Requests;

/// <summary>Idempotency-Key on POST, by Stripe's rules.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed class IdempotencyKeyTests(SeatServiceFixture system)
{
    private const string Route = "/functions/v1/api-user-management";

    [Fact]
    public async Task The_same_key_and_body_replay_the_first_answer_and_add_one_seat()
    {
        var tenant = await system.NewTenantClientAsync();
        var key = Guid.NewGuid().ToString();

        var (first, firstBody) = await PostAsync(tenant, Route, new { action = "add" }, key);
        var (second, secondBody) = await PostAsync(tenant, Route, new { action = "add" }, key);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        secondBody.GetProperty("connect_url").GetString().ShouldBe(firstBody.GetProperty("connect_url").GetString());
        (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_a_conflict_and_changes_nothing()
    {
        var tenant = await system.NewTenantClientAsync();
        var key = Guid.NewGuid().ToString();
        await PostAsync(tenant, Route, new { action = "add" }, key);

        var (reused, problem) = await PostAsync(tenant, Route, new { action = "add", daily_limit = 30 }, key);

        reused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        reused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("detail").GetString()!.ShouldContain("different request");
        var users = (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users");
        users.GetArrayLength().ShouldBe(1);
        users[0].GetProperty("daily_limit").GetInt32().ShouldBe(25);
    }

    [Fact]
    public async Task A_key_belongs_to_its_caller_so_another_tenant_using_it_gets_its_own_answer()
    {
        var owner = await system.NewTenantClientAsync();
        var other = await system.NewTenantClientAsync();
        var key = Guid.NewGuid().ToString();

        var (_, ownerBody) = await PostAsync(owner, Route, new { action = "add" }, key);
        var (otherResponse, otherBody) = await PostAsync(other, Route, new { action = "add" }, key);

        otherResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        otherResponse.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        otherBody.GetProperty("connect_url").GetString().ShouldNotBe(ownerBody.GetProperty("connect_url").GetString());
        (await other.GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_one_seat()
    {
        var tenant = await system.NewTenantClientAsync();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(tenant, Route, new { action = "add" }, key)));

        answers.ShouldAllBe(a => a.Response.StatusCode == HttpStatusCode.OK || a.Response.StatusCode == HttpStatusCode.Conflict);
        answers.Where(a => a.Response.StatusCode == HttpStatusCode.OK)
            .Select(a => a.Body.GetProperty("connect_url").GetString()).Distinct().Count().ShouldBe(1);
        (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(0)]
    public async Task A_malformed_key_is_refused_naming_the_header_and_stores_nothing(int length)
    {
        var tenant = await system.NewTenantClientAsync();
        var key = length == 0 ? " " : new string('k', length);

        var (refused, problem) = await PostAsync(tenant, Route, new { action = "add" }, key);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _).ShouldBeTrue();
        (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_operator_api_replays_a_created_account()
    {
        var key = Guid.NewGuid().ToString();
        var (first, firstBody) = await PostAsync(system.Operator(), "/admin/accounts", new { name = "Once Only" }, key);
        var (second, secondBody) = await PostAsync(system.Operator(), "/admin/accounts", new { name = "Once Only" }, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        secondBody.GetProperty("account_id").GetString().ShouldBe(firstBody.GetProperty("account_id").GetString());
    }

    [Fact]
    public async Task A_replayed_key_issuance_returns_the_same_secret_which_the_database_never_holds_in_the_clear()
    {
        var accountId = await system.CreateAccountAsync("Sealed Answers");
        var idempotencyKey = Guid.NewGuid().ToString();
        var (first, issued) = await PostAsync(system.Operator(), $"/admin/accounts/{accountId}/access-keys", new { }, idempotencyKey);
        var (second, replayed) = await PostAsync(system.Operator(), $"/admin/accounts/{accountId}/access-keys", new { }, idempotencyKey);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        replayed.GetProperty("secret").GetString().ShouldBe(issued.GetProperty("secret").GetString());
        foreach (var value in new[] { issued.GetProperty("access_key").GetString()!, issued.GetProperty("secret").GetString()!, idempotencyKey })
        {
            var hex = Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(value));
            (await system.QueryAsync<long>("seatsdb", "SELECT count(*) FROM idempotency_keys t WHERE t::text LIKE $1 OR t::text LIKE $2", $"%{value}%", $"%{hex}%"))
                .ShouldBe(0L, "the kept answer holds a secret or the key in the clear");
        }
        (await system.QueryAsync<long>("seatsdb", "SELECT count(*) FROM idempotency_keys WHERE scope = 'operator'")).ShouldBeGreaterThan(0L);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_naming_the_body()
    {
        var tenant = await system.NewTenantClientAsync();
        var huge = new { action = "add", padding = new string('x', 2 * 1024 * 1024) };

        var (refused, problem) = await tenant.PostJsonAsync(Route, huge);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue();
        (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users").GetArrayLength().ShouldBe(0);
    }

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(HttpClient client, string url, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
