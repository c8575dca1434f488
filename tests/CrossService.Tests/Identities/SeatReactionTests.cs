using System.Net;
using Shouldly;

namespace Outreach.CrossService.Tests.Identities;

/// <summary>
/// seat-service's decisions reach a seat's identities, driven through seat-service's API: suspension logs them out
/// and wipes their stored session, migration moves them to the target key with the connection kept, disconnection
/// deletes them.
/// </summary>
[Collection(CrossServiceSuite.Name)]
public sealed class SeatReactionTests(CrossServiceFixture system)
{
    private const string Manage = "/functions/v1/api-user-management";

    [Fact]
    public async Task Suspending_the_seat_logs_its_identity_out_and_wipes_the_stored_session()
    {
        var key = await system.IssueKeyAsync();
        var seatId = await AddActiveSeatAsync(key);
        var login = await ConnectedSeatIdentityAsync(key, seatId, "suspend.me@example.com");

        (await Seats(key).SendJsonAsync(HttpMethod.Post, Manage, new { action = "suspend", user_id = seatId })).Response.EnsureSuccessStatusCode();

        await Eventually(async () => !(await login.CheckAsync()).GetProperty("connected").GetBoolean(), "the identity is disconnected");
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM login_keys WHERE identity_id = $1", login.IdentityId)).ShouldBe(0L);
        var (again, problem) = await login.StartAsync(new { }); // the stored session is gone: credentials are needed again
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.NamesField("username").ShouldBeTrue();
    }

    [Fact]
    public async Task An_unsuspended_seat_needs_its_person_to_log_in_again_with_credentials()
    {
        var key = await system.IssueKeyAsync();
        var seatId = await AddActiveSeatAsync(key);
        var login = await ConnectedSeatIdentityAsync(key, seatId, "unsuspend.me@example.com");
        (await Seats(key).SendJsonAsync(HttpMethod.Post, Manage, new { action = "suspend", user_id = seatId })).Response.EnsureSuccessStatusCode();
        await Eventually(async () => !(await login.CheckAsync()).GetProperty("connected").GetBoolean(), "the identity is disconnected");

        var (unsuspended, body) = await Seats(key).SendJsonAsync(HttpMethod.Post, Manage, new { action = "unsuspend", user_id = seatId });
        unsuspended.EnsureSuccessStatusCode();
        body.GetProperty("status").GetString().ShouldBe("pending");

        (await login.CheckAsync()).GetProperty("connected").GetBoolean().ShouldBeFalse("unsuspending does not reconnect by itself");
        var (fromStoredSession, problem) = await login.StartAsync(new { });
        fromStoredSession.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, "the stored session was wiped at suspension");
        problem.NamesField("username").ShouldBeTrue();
        var session = await login.StartOkAsync(new { username = "unsuspend.me@example.com", password = "pw" });
        await login.WaitForStatusAsync(session, "connected");
    }

    [Fact]
    public async Task Migrating_the_seat_moves_its_identity_to_the_target_key_with_the_connection_kept()
    {
        var key = await system.IssueKeyAsync();
        var target = await system.IssueSecondKeyAsync(key.AccountId);
        var seatId = await AddActiveSeatAsync(key);
        var login = await ConnectedSeatIdentityAsync(key, seatId, "migrate.me@example.com");

        (await Seats(key).SendJsonAsync(HttpMethod.Post, Manage, new { action = "migrate", user_ids = new[] { seatId }, target_access_key = target.AccessKey }))
            .Response.EnsureSuccessStatusCode();

        var targetClient = system.ClientFor(CrossServiceFixture.IdentityService, target);
        await Eventually(async () => (await targetClient.SendJsonAsync(HttpMethod.Get, $"/v1/identities/{login.IdentityId}")).Response.IsSuccessStatusCode,
            "the identity is under the target key");
        var moved = (await targetClient.SendJsonAsync(HttpMethod.Get, $"/v1/identities/{login.IdentityId}")).Body.GetProperty("identity");
        moved.GetProperty("linkedin").GetProperty("status").GetString().ShouldBe("connected");
        moved.GetProperty("seat_id").GetString().ShouldBe(seatId);
        (await login.Client.SendJsonAsync(HttpMethod.Get, $"/v1/identities/{login.IdentityId}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Disconnecting_the_seat_deletes_its_identity_and_destroys_its_keys()
    {
        var key = await system.IssueKeyAsync();
        var seatId = await AddActiveSeatAsync(key);
        var login = await ConnectedSeatIdentityAsync(key, seatId, "delete.me@example.com");

        (await Seats(key).SendJsonAsync(HttpMethod.Post, Manage, new { action = "disconnect", user_id = seatId })).Response.EnsureSuccessStatusCode();

        await Eventually(async () => (await login.Client.SendJsonAsync(HttpMethod.Get, $"/v1/identities/{login.IdentityId}")).Response.StatusCode == HttpStatusCode.NotFound,
            "the identity is deleted");
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM identity_keys WHERE identity_id = $1", login.IdentityId)).ShouldBe(0L);
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM login_keys WHERE identity_id = $1", login.IdentityId)).ShouldBe(0L);
    }

    private HttpClient Seats(IssuedKey key) => system.ClientFor(CrossServiceFixture.SeatService, key);

    private async Task<string> AddActiveSeatAsync(IssuedKey key)
    {
        (await Seats(key).SendJsonAsync(HttpMethod.Post, Manage, new { action = "add" })).Response.EnsureSuccessStatusCode();
        var seatId = (await Seats(key).SendJsonAsync(HttpMethod.Get, "/user-list")).Body.GetProperty("users")[0].GetProperty("id").GetString()!;
        await system.ActivateSeatAsync(seatId);
        return seatId;
    }

    private async Task<LinkedInLogin> ConnectedSeatIdentityAsync(IssuedKey key, string seatId, string username)
    {
        var login = new LinkedInLogin(system.ClientFor(CrossServiceFixture.IdentityService, key), await system.CreateSeatIdentityAsync(key, seatId));
        var session = await login.StartOkAsync(new { username, password = "pw" });
        await login.WaitForStatusAsync(session, "connected");
        return login;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + LinkedInLogin.Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }
}
