using System.Net;
using System.Text;
using Shouldly;

namespace Outreach.CrossService.Tests.Identities;

/// <summary>Hostile and broken input on identity-service's routes: always a 4xx problem, never a 5xx, nothing stored.</summary>
[Collection(CrossServiceSuite.Name)]
public sealed class HostileInputTests(CrossServiceFixture system)
{
    private static readonly string[] Bodies =
    [
        "", "{", "null", "[]", "\"text\"", "42", "{\"firstName\":", "{\"firstName\":{}}", "{\"firstName\":[1,2]}",
        "{\"firstName\":12,\"lastName\":true,\"role\":null}", "{\"firstName\":\"a\\tb\",\"lastName\":\"b\",\"role\":\"c\"}",
        "{\"firstName\":\"\\u0000\",\"lastName\":\"b\",\"role\":\"c\"}", "{\"firstName\":\"' OR 1=1 --\",\"lastName\":\"<script>\",\"role\":\"\\ud800\"}",
        "{\"username\":123,\"password\":[]}", "{\"username\":\"a@b.c\",\"password\":\"p\",\"max_verification_wait_time\":\"soon\"}",
        "{\"username\":\"a@b.c\",\"password\":\"p\",\"max_verification_wait_time\":1e99}", "{\"code\":123456}", "{\"code\":null}",
        "{\"code\":\"" + new string('9', 5000) + "\"}", "{\"firstName\":\"" + new string('x', 100_000) + "\",\"lastName\":\"b\",\"role\":\"c\"}",
    ];

    [Fact]
    public async Task No_broken_body_on_any_route_gets_a_server_error_or_stores_anything()
    {
        var key = await system.IssueKeyAsync();
        var client = system.ClientFor(CrossServiceFixture.IdentityService, key);
        var (_, created) = await client.SendJsonAsync(HttpMethod.Post, "/v1/identities", new { firstName = "A", lastName = "B", role = "C" });
        var id = created.GetProperty("identity").GetProperty("id").GetString()!;
        var routes = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Post, "/v1/identities"),
            (HttpMethod.Put, $"/v1/identities/{id}"),
            (HttpMethod.Post, $"/v1/identities/{id}/linkedin/login"),
            (HttpMethod.Post, $"/v1/identities/{id}/linkedin/code/sess_aaaaaaaaaaaaaaaaaaaaaaaa"),
        };
        var events = await EventCountAsync();

        foreach (var (method, path) in routes)
        {
            foreach (var body in Bodies)
            {
                using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await client.SendAsync(request);
                var shown = body.Length > 60 ? body[..60] + "…" : body;
                ((int)response.StatusCode).ShouldBeInRange(400, 499, $"{method} {path} {shown}");
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{method} {path} {shown}");
            }
        }

        (await EventCountAsync()).ShouldBe(events);
        (await client.SendJsonAsync(HttpMethod.Get, $"/v1/identities/{id}")).Body.GetProperty("identity").GetProperty("firstName").GetString().ShouldBe("A");
    }

    [Theory]
    [InlineData("/v1/identities/..%2F..%2Fetc")]
    [InlineData("/v1/identities/idn_'%20OR%201=1")]
    [InlineData("/v1/identities/usr_abcdefghijklmnopqrst")]
    [InlineData("/v1/identities/idn_abcdefghijklmnopqrst/linkedin/status/not-a-session")]
    [InlineData("/v1/identities/idn_abcdefghijklmnopqrst/linkedin/check")]
    public async Task Ids_of_the_wrong_shape_are_not_found(string path)
    {
        var client = system.ClientFor(CrossServiceFixture.IdentityService, await system.IssueKeyAsync());
        var (response, _) = await client.SendJsonAsync(HttpMethod.Get, path);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
    }

    private Task<long> EventCountAsync() => system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM events");
}
