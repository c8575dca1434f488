using Outreach.Contracts;
using Shouldly;

namespace Outreach.SeatService.Tests.Seats;

/// <summary>
/// identity-service's LinkedInConnected and LinkedInDisconnected messages, as seat-service sees them: the profile
/// fills linkedin_url and linkedin_name; a session that drops by itself makes the seat `disconnected`; the disconnect
/// action crypto-shreds what the log holds of the person.
/// </summary>
[Collection(SeatServiceSuite.Name)]
public sealed class LinkedInStateTests(SeatServiceFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_connected_profile_fills_the_seats_linkedin_fields_once()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var tenant = system.ClientFor(key);
        var seatId = await SeatLifecycleTests.AddSeatAsync(tenant);
        var messageId = Guid.NewGuid();

        await system.PublishAsync(Connected(key, seatId, "Jane Doe", "https://linkedin.com/in/janedoe"), messageId);
        await system.PublishAsync(Connected(key, seatId, "Jane Doe", "https://linkedin.com/in/janedoe"), messageId);

        var user = await WaitForSeatAsync(tenant, u => u.GetProperty("linkedin_name").ValueKind == System.Text.Json.JsonValueKind.String);
        user.GetProperty("linkedin_name").GetString().ShouldBe("Jane Doe");
        user.GetProperty("linkedin_url").GetString().ShouldBe("https://linkedin.com/in/janedoe");
        user.GetProperty("status").GetString().ShouldBe("pending"); // the setup wizard still has to finish
        (await system.QueryAsync<long>("seatsdb", "SELECT count(*) FROM events WHERE stream_id = $1 AND type = 'seat_linked_in_connected'", seatId)).ShouldBe(1L);
    }

    [Fact]
    public async Task A_session_that_drops_by_itself_lists_the_seat_as_disconnected_and_keeps_it()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var tenant = system.ClientFor(key);
        var seatId = await SeatLifecycleTests.AddSeatAsync(tenant);
        await system.ActivateSeatAsync(seatId);

        // A logout we caused (suspension) does not drop the seat; a revocation at the provider does.
        await system.PublishAsync(new LinkedInDisconnected("idn_x", key.AccountId, key.KeyId, seatId, LinkedInDisconnected.LoggedOut, DateTimeOffset.UtcNow), Guid.NewGuid());
        await system.PublishAsync(new LinkedInDisconnected("idn_x", key.AccountId, key.KeyId, seatId, LinkedInDisconnected.Revoked, DateTimeOffset.UtcNow), Guid.NewGuid());

        await WaitForSeatAsync(tenant, u => u.GetProperty("status").GetString() == "disconnected");
        (await tenant.GetJsonAsync("/user-list?status=disconnected")).Body.GetProperty("users").GetArrayLength().ShouldBe(1);
        (await system.QueryAsync<long>("seatsdb", "SELECT count(*) FROM events WHERE stream_id = $1 AND type = 'seat_linked_in_dropped'", seatId)).ShouldBe(1L);

        // Reconnecting brings it back.
        await system.PublishAsync(Connected(key, seatId, "Jane Doe", "https://linkedin.com/in/janedoe"), Guid.NewGuid());
        await WaitForSeatAsync(tenant, u => u.GetProperty("status").GetString() == "active");
    }

    [Fact]
    public async Task The_disconnect_action_leaves_no_readable_trace_of_the_person()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var tenant = system.ClientFor(key);
        var seatId = await SeatLifecycleTests.AddSeatAsync(tenant);
        var name = $"Shredded Person {Guid.NewGuid():N}";
        await system.PublishAsync(Connected(key, seatId, name, "https://linkedin.com/in/shredded"), Guid.NewGuid());
        await WaitForSeatAsync(tenant, u => u.GetProperty("linkedin_name").ValueKind == System.Text.Json.JsonValueKind.String);

        (await tenant.ManageAsync(new { action = "disconnect", user_id = seatId })).Response.EnsureSuccessStatusCode();

        (await system.QueryAsync<long>("seatsdb", "SELECT count(*) FROM events WHERE data::text LIKE $1", $"%{name}%")).ShouldBe(0L);
        (await system.QueryAsync<long>("seatsdb", "SELECT count(*) FROM seat_list WHERE linkedin_name = $1", name)).ShouldBe(0L);
        (await system.QueryAsync<long>("seatsdb", "SELECT count(*) FROM seat_keys WHERE seat_id = $1", seatId)).ShouldBe(0L);
        (await system.QueryAsync<long>("seatsdb", "SELECT count(*) FROM events WHERE stream_id = $1 AND type = 'seat_linked_in_connected'", seatId)).ShouldBe(1L);
    }

    [Fact]
    public async Task Messages_naming_another_tenants_seat_change_nothing()
    {
        var ownerKey = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var owner = system.ClientFor(ownerKey);
        var seatId = await SeatLifecycleTests.AddSeatAsync(owner);
        await system.ActivateSeatAsync(seatId);
        var stranger = await system.IssueKeyAsync(await system.CreateAccountAsync());

        await system.PublishAsync(Connected(stranger, seatId, "Mallory", "https://linkedin.com/in/mallory"), Guid.NewGuid());
        await system.PublishAsync(new LinkedInDisconnected("idn_x", stranger.AccountId, stranger.KeyId, seatId, LinkedInDisconnected.Revoked, DateTimeOffset.UtcNow), Guid.NewGuid());
        await system.PublishAsync(Connected(ownerKey, seatId, "Owner", "https://linkedin.com/in/owner"), Guid.NewGuid()); // marker

        var user = await WaitForSeatAsync(owner, u => u.GetProperty("linkedin_name").ValueKind == System.Text.Json.JsonValueKind.String);
        await Task.Delay(500);
        user = (await owner.GetJsonAsync("/user-list")).Body.GetProperty("users")[0];
        user.GetProperty("linkedin_name").GetString().ShouldBe("Owner");
        user.GetProperty("status").GetString().ShouldBe("active");
    }

    private static LinkedInConnected Connected(IssuedKey key, string seatId, string name, string url) =>
        new("idn_" + Guid.NewGuid().ToString("N")[..20], key.AccountId, key.KeyId, seatId, "acc_provider", "ACoAAtest", name, url, DateTimeOffset.UtcNow);

    private static async Task<System.Text.Json.JsonElement> WaitForSeatAsync(HttpClient tenant, Func<System.Text.Json.JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var user = (await tenant.GetJsonAsync("/user-list")).Body.GetProperty("users")[0];
            if (condition(user))
                return user;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The seat never reached the expected state; last seen {user}.");
            await Task.Delay(50);
        }
    }
}
