using System.Net;
using Shouldly;

namespace Outreach.SeatService.Tests.Accounts;

[Collection(SeatServiceSuite.Name)]
public sealed class AccessKeyAuthenticationTests(SeatServiceFixture system)
{
    [Fact]
    public async Task Every_accepted_header_form_authenticates_the_same_tenant()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var forms = new Dictionary<string, string>[]
        {
            new() { ["x-access-key"] = key.AccessKey },
            new() { ["X-API-KEY"] = key.AccessKey },
            new() { ["X-API-KEY"] = key.KeyId, ["X-API-SECRET"] = key.Secret },
            new() { ["Authorization"] = "Bearer " + key.AccessKey },
        };
        foreach (var headers in forms)
        {
            var client = system.Anonymous();
            foreach (var (name, value) in headers)
                client.DefaultRequestHeaders.Add(name, value);
            var (response, body) = await client.GetJsonAsync("/user-list");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join(",", headers.Keys));
            body.GetProperty("users").GetArrayLength().ShouldBe(0);
        }
    }

    [Fact]
    public async Task Missing_bad_and_revoked_keys_get_the_same_401()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var revoke = await system.Operator().DeleteAsync($"/admin/accounts/{key.AccountId}/access-keys/{key.KeyId}");
        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var bodies = new List<string>();
        foreach (var value in new[] { null, "oak_thisisnotakey", key.AccessKey })
        {
            var client = system.Anonymous();
            if (value is not null)
                client.DefaultRequestHeaders.Add("x-access-key", value);
            var response = await client.GetAsync("/user-list");
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            bodies.Add(StripTraceId(await response.Content.ReadAsStringAsync()));
        }
        bodies.Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_secret_for_a_real_key_id_is_refused()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var client = system.Anonymous();
        client.DefaultRequestHeaders.Add("X-API-KEY", key.KeyId);
        client.DefaultRequestHeaders.Add("X-API-SECRET", key.Secret + "x");
        (await client.GetAsync("/user-list")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Current_access_key_names_the_callers_account_and_key_in_every_form()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        foreach (var headers in new Dictionary<string, string>[]
        {
            new() { ["x-access-key"] = key.AccessKey },
            new() { ["X-API-KEY"] = key.KeyId, ["X-API-SECRET"] = key.Secret },
            new() { ["Authorization"] = "Bearer " + key.AccessKey },
        })
        {
            var client = system.Anonymous();
            foreach (var (name, value) in headers)
                client.DefaultRequestHeaders.Add(name, value);
            var (response, body) = await client.GetJsonAsync("/v1/access-keys/current");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join(",", headers.Keys));
            body.GetProperty("account_id").GetString().ShouldBe(key.AccountId);
            body.GetProperty("key_id").GetString().ShouldBe(key.KeyId);
            // Nothing the caller did not send or already know: no secret, no hash.
            body.EnumerateObject().Select(p => p.Name).ShouldBe(["account_id", "key_id"], ignoreOrder: true);
        }
    }

    [Fact]
    public async Task Current_access_key_carries_the_accounts_rate_limit_for_the_other_services()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        using (var set = await system.Operator().PutAsync($"/admin/accounts/{key.AccountId}/rate-limit",
            new StringContent("""{"requests_per_minute": 42}""", System.Text.Encoding.UTF8, "application/json")))
            set.StatusCode.ShouldBe(HttpStatusCode.OK);
        var client = system.Anonymous();
        client.DefaultRequestHeaders.Add("X-API-KEY", key.KeyId);
        client.DefaultRequestHeaders.Add("X-API-SECRET", key.Secret);

        var (response, body) = await client.GetJsonAsync("/v1/access-keys/current");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("requests_per_minute").GetInt32().ShouldBe(42);
        // The key check itself is not counted against the key.
        response.Headers.Contains("x-ratelimit-limit").ShouldBeFalse();
    }

    [Fact]
    public async Task Current_access_key_refuses_a_revoked_key_with_the_common_401()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        (await system.Operator().DeleteAsync($"/admin/accounts/{key.AccountId}/access-keys/{key.KeyId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var client = system.Anonymous();
        client.DefaultRequestHeaders.Add("x-access-key", key.AccessKey);
        var response = await client.GetAsync("/v1/access-keys/current");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private static string StripTraceId(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");
}
