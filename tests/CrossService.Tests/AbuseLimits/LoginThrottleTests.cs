using System.Net;
using Outreach.CrossService.Tests.Identities;
using Shouldly;

namespace Outreach.CrossService.Tests.AbuseLimits;

/// <summary>
/// Login abuse: at most 5 LinkedIn logins per identity in 15 minutes (the default of LinkedIn:LoginThrottle). Each
/// login allows 3 codes, so this also caps how many codes one identity can try.
/// </summary>
[Collection(CrossServiceSuite.Name)]
public sealed class LoginThrottleTests(CrossServiceFixture system)
{
    private const string FailingUsername = "jane+wrongpw@example.com";

    [Fact]
    public async Task The_sixth_login_in_fifteen_minutes_gets_429_with_retry_after_and_appends_nothing()
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        for (var i = 0; i < 5; i++)
            await login.WaitForStatusAsync(await login.StartOkAsync(new { username = FailingUsername, password = "pw" }), "failed");
        var eventsBefore = await EventsOfAsync(login.IdentityId);

        var (response, problem) = await login.StartAsync(new { username = FailingUsername, password = "pw" });

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("type").GetString().ShouldBe("errors/too_many_logins");
        var retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0;
        retryAfter.ShouldBeInRange(14 * 60, 15 * 60);
        (await EventsOfAsync(login.IdentityId)).ShouldBe(eventsBefore);
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM events WHERE stream_id = $1 AND type LIKE '%login_requested'", login.IdentityId))
            .ShouldBe(5);
    }

    [Fact]
    public async Task Another_identity_of_the_same_key_still_logs_in()
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        for (var i = 0; i < 5; i++)
            await login.WaitForStatusAsync(await login.StartOkAsync(new { username = FailingUsername, password = "pw" }), "failed");
        var (created, body) = await login.Client.SendJsonAsync(HttpMethod.Post, "/v1/identities", new { firstName = "Other", lastName = "Person", role = "Sales" });
        created.EnsureSuccessStatusCode();
        var other = new LinkedInLogin(login.Client, body.GetProperty("identity").GetProperty("id").GetString()!);

        var session = await other.StartOkAsync(new { username = "other@example.com", password = "pw" });

        await other.WaitForStatusAsync(session, "connected");
    }

    private Task<long> EventsOfAsync(string identityId) =>
        system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM events WHERE stream_id = $1", identityId);
}
