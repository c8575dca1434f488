using System.Net;
using System.Text;
using Outreach.CrossService.Tests.Identities;
using Shouldly;

namespace Outreach.CrossService.Tests.Invitations;

/// <summary>Every invitation-service route against another tenant's key and a revoked key, and broken input on every route.</summary>
[Collection(CrossServiceSuite.Name)]
public sealed class InvitationTenancyTests(CrossServiceFixture system)
{
    [Fact]
    public async Task Another_key_finds_none_of_the_owners_accounts_or_invitations()
    {
        var owner = await InvitationSender.WithoutSeatAsync(system);
        var person = await owner.ProviderIdOfAsync(InvitationSender.NewPerson());
        var (_, sent) = await owner.InviteAsync(person);
        var invitationId = sent.GetProperty("invitation_id").GetString()!;
        var otherAccount = await system.IssueKeyAsync();
        var sameAccountOtherKey = await system.IssueSecondKeyAsync(owner.Key.AccountId);
        string[] keys = [owner.Key.KeyId, otherAccount.KeyId, sameAccountOtherKey.KeyId];
        var events = await EventCountAsync(keys);
        foreach (var (who, key) in new[] { ("another account", otherAccount), ("another key of the same account", sameAccountOtherKey) })
        {
            var client = system.ClientFor(CrossServiceFixture.InvitationService, key);
            foreach (var (method, path, body) in OwnerRoutes(owner.AccountId, invitationId, person))
            {
                var (response, problem) = await client.SendJsonAsync(method, path, body);
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{who}: {method} {path} {problem}");
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            }
            var (list, all) = await client.SendJsonAsync(HttpMethod.Get, "/v1/invitations");
            list.StatusCode.ShouldBe(HttpStatusCode.OK);
            all.GetProperty("items").GetArrayLength().ShouldBe(0, who);
            (await client.SendJsonAsync(HttpMethod.Get, "/api/v1/users/invite/sent")).Body.GetProperty("items").GetArrayLength().ShouldBe(0, who);
        }

        (await EventCountAsync(keys)).ShouldBe(events, "nothing was stored by the other keys");
        (await owner.StatusOfAsync(invitationId)).ShouldBe("sent");
    }

    [Fact]
    public async Task A_revoked_key_gets_401_on_every_route()
    {
        var owner = await InvitationSender.WithoutSeatAsync(system);
        var person = await owner.ProviderIdOfAsync(InvitationSender.NewPerson());
        await system.RevokeAsync(owner.Key);
        foreach (var (method, path, body) in OwnerRoutes(owner.AccountId, "inv_000000000000000000000000", person)
                     .Append((HttpMethod.Get, "/v1/invitations", null)))
        {
            await Eventually.Async(async () => (await owner.Invitations.SendJsonAsync(method, path, body)).Response.StatusCode == HttpStatusCode.Unauthorized,
                $"{method} {path} refuses the revoked key", TimeSpan.FromSeconds(10));
        }
    }

    private static readonly string[] Bodies =
    [
        "", "{", "null", "[]", "\"text\"", "42", "{\"provider_id\":", "{\"provider_id\":{}}", "{\"provider_id\":[1,2],\"account_id\":true}",
        "{\"provider_id\":12,\"account_id\":null}", "{\"provider_id\":\"ACoAA' OR 1=1 --\",\"account_id\":\"x\"}",
        "{\"provider_id\":\"<script>alert(1)</script>\",\"account_id\":\"\\u0000\"}", "{\"provider_id\":\"\\ud800\",\"account_id\":\"a b\"}",
        "{\"provider_id\":\"ACoAAx\",\"account_id\":\"acc\",\"message\":\"bell\\u0007\"}", "{\"provider_id\":\"ACoAAx\",\"account_id\":\"acc\",\"user_email\":\"not-mail\"}",
        "{\"provider_id\":\"" + new string('A', 5000) + "\",\"account_id\":\"acc\"}", "{\"account_id\":\"acc\",\"invitations\":\"all\"}",
        "{\"account_id\":\"acc\",\"invitations\":[null]}", "{\"account_id\":\"acc\",\"invitations\":[{\"provider_id\":7}]}",
        "{\"message\":\"" + new string('x', 2_000_000) + "\"}",
    ];

    [Fact]
    public async Task No_broken_body_or_query_gets_a_server_error_or_stores_anything()
    {
        var owner = await InvitationSender.WithoutSeatAsync(system);
        var events = await EventCountAsync(owner.Key.KeyId);
        foreach (var path in new[] { "/api/v1/users/invite", "/v1/invitations/batch" })
        {
            foreach (var body in Bodies)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                // A body over the limit is refused before it is read: asking first lets the answer arrive instead of a broken pipe.
                request.Headers.ExpectContinue = body.Length > 1_000_000;
                using var response = await owner.Invitations.SendAsync(request);
                var shown = body.Length > 60 ? body[..60] + "…" : body;
                ((int)response.StatusCode).ShouldBeInRange(400, 499, $"{path} {shown}");
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{path} {shown}");
            }
            using var plain = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("provider_id=x", Encoding.UTF8, "text/plain") };
            ((int)(await owner.Invitations.SendAsync(plain)).StatusCode).ShouldBeInRange(400, 499, $"{path} as text/plain");
        }

        foreach (var query in new[] { "limit=0", "limit=101", "limit=-1", "limit=ten", "limit=1e3", "cursor=!!!", "cursor=AAAAAAAAAAA", "status=bogus",
                     $"account_id={Uri.EscapeDataString("' OR 1=1 --")}" })
        {
            foreach (var route in new[] { "/v1/invitations", "/api/v1/users/invite/sent" })
            {
                if (route.EndsWith("sent", StringComparison.Ordinal) && query.StartsWith("status", StringComparison.Ordinal))
                    continue;
                var (response, problem) = await owner.Invitations.SendJsonAsync(HttpMethod.Get, $"{route}?{query}");
                response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{route}?{query} {problem}");
                problem.NamesField(query.Split('=')[0]).ShouldBeTrue($"{route}?{query} names its parameter: {problem}");
            }
        }

        foreach (var path in new[] { "/api/v1/users/invite/sent/..%2F..%2Fetc", "/api/v1/users/invite/sent/inv_'%20OR%201=1", "/api/v1/users/invite/sent/usr_0000" })
            (await owner.Invitations.SendJsonAsync(HttpMethod.Delete, path)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);

        (await EventCountAsync(owner.Key.KeyId)).ShouldBe(events);
        (await owner.Invitations.GetAsync("/v1/invitations")).StatusCode.ShouldBe(HttpStatusCode.OK, "the service stays healthy");
    }

    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> OwnerRoutes(string accountId, string invitationId, string person) =>
    [
        (HttpMethod.Get, $"/api/v1/users/julien-crepieux?account_id={accountId}", null),
        (HttpMethod.Post, "/api/v1/users/invite", new { provider_id = person, account_id = accountId }),
        (HttpMethod.Get, $"/api/v1/users/invite/sent?account_id={accountId}", null),
        (HttpMethod.Delete, $"/api/v1/users/invite/sent/{invitationId}?account_id={accountId}", null),
        (HttpMethod.Delete, $"/api/v1/users/invite/sent/{invitationId}", null),
        (HttpMethod.Post, "/v1/invitations/batch", new { account_id = accountId, invitations = new[] { new { provider_id = person } } }),
        (HttpMethod.Get, $"/v1/invitations?account_id={accountId}", null),
    ];

    /// <summary>Events stored under these keys: what a request with one of them could have written (other tests' queues keep running).</summary>
    private async Task<long> EventCountAsync(params string[] keyIds) =>
        await system.QueryAsync<long>("invitationsdb", "SELECT count(*) FROM events WHERE tenant_id = ANY($1)", new object[] { keyIds });
}
