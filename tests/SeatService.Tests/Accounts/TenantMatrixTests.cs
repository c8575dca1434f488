using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Outreach.SeatService.Tests.Accounts;

/// <summary>Every tenant route against a revoked key and against another account's key: 401 or 404, and nothing revealed.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed class TenantMatrixTests(SeatServiceFixture system)
{
    private static readonly (HttpMethod Method, string Path, object? Body)[] Routes =
    [
        (HttpMethod.Get, "/user-list", null),
        (HttpMethod.Post, "/functions/v1/api-user-management", new { action = "add" }),
        (HttpMethod.Get, "/user-management/users/", null),
        (HttpMethod.Post, "/user-management/users/", new { email = "x@acme.io", display_name = "X" }),
        (HttpMethod.Put, "/user-management/users/", new { user_uid = "MYmC7MzsPBNU6uSQBnJ0", display_name = "X" }),
        (HttpMethod.Delete, "/user-management/users/", new { user_uid = "MYmC7MzsPBNU6uSQBnJ0" }),
        (HttpMethod.Get, "/user-management/users/MYmC7MzsPBNU6uSQBnJ0", null),
        (HttpMethod.Get, "/user-management/invitations/", null),
        (HttpMethod.Post, "/user-management/invitations/", new { email = "x@acme.io" }),
        (HttpMethod.Get, "/user-management/sub-admins/", null),
        (HttpMethod.Get, "/user-management/organization/status", null),
        (HttpMethod.Get, "/v1/workspace/users", null),
        (HttpMethod.Post, "/v1/workspace/invitations", new { email = "x@acme.io", accountType = "DEVELOPER" }),
    ];

    [Fact]
    public async Task A_revoked_key_is_refused_on_every_route_with_the_same_answer_as_no_key()
    {
        var key = await system.IssueKeyAsync(await system.CreateAccountAsync());
        (await system.Operator().DeleteAsync($"/admin/accounts/{key.AccountId}/access-keys/{key.KeyId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var revoked = system.ClientFor(key);

        foreach (var (method, path, body) in Routes)
        {
            var (withRevoked, revokedBody) = await SendAsync(revoked, method, path, body);
            var (withNone, noneBody) = await SendAsync(system.Anonymous(), method, path, body);
            withRevoked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {path}");
            withRevoked.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            Shape(revokedBody).ShouldBe(Shape(noneBody), $"{method} {path}");
        }
        (await system.QueryAsync<long>("seatsdb", "SELECT count(*) FROM streams WHERE tenant_id = $1", key.KeyId)).ShouldBe(0L);
    }

    [Fact]
    public async Task Another_accounts_key_finds_none_of_the_seats_for_any_action()
    {
        var ownerKey = await system.IssueKeyAsync(await system.CreateAccountAsync());
        var owner = system.ClientFor(ownerKey);
        var seatId = await Seats.SeatLifecycleTests.AddSeatAsync(owner);
        var strangerAccount = await system.CreateAccountAsync();
        var stranger = system.ClientFor(await system.IssueKeyAsync(strangerAccount));
        var strangerSecondKey = await system.IssueKeyAsync(strangerAccount);

        object[] actions =
        [
            new { action = "suspend", user_id = seatId },
            new { action = "unsuspend", user_id = seatId },
            new { action = "disconnect", user_id = seatId },
            new { action = "set_daily_limit", user_id = seatId, daily_limit = 10 },
            new { action = "migrate", user_ids = new[] { seatId }, target_access_key = strangerSecondKey.AccessKey },
        ];
        foreach (var action in actions)
        {
            var (response, problem) = await stranger.ManageAsync(action);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, JsonSerializer.Serialize(action));
            problem.GetProperty("status").GetInt32().ShouldBe(404);
        }

        // A foreign id and an id that never existed answer alike.
        var (_, foreign) = await stranger.ManageAsync(new { action = "suspend", user_id = seatId });
        var (_, missing) = await stranger.ManageAsync(new { action = "suspend", user_id = "usr_doesnotexist00000000" });
        Shape(foreign).ShouldBe(Shape(missing));

        var user = (await owner.GetJsonAsync("/user-list")).Body.GetProperty("users").EnumerateArray().Single();
        user.GetProperty("status").GetString().ShouldBe("pending");
        user.GetProperty("daily_limit").GetInt32().ShouldBe(25);
        (await system.QueryAsync<string>("seatsdb", "SELECT tenant_id FROM streams WHERE id = $1", seatId)).ShouldBe(ownerKey.KeyId);
        (await system.QueryAsync<long>("seatsdb", "SELECT count(*) FROM events WHERE stream_id = $1 AND actor <> $2", seatId, "key:" + ownerKey.KeyId)).ShouldBe(0L);
    }

    /// <summary>Property names and the status: what a body reveals apart from the per-request trace id.</summary>
    private static string Shape(JsonElement body) =>
        string.Join(",", body.EnumerateObject().Where(p => p.Name != "trace_id").Select(p => p.Name == "status" ? $"status={p.Value}" : p.Name).Order());

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
