using System.Net;
using Shouldly;

namespace Outreach.CrossService.Tests.Identities;

/// <summary>Seed 003's identity routes on identity-service, with a key that seat-service issued.</summary>
[Collection(CrossServiceSuite.Name)]
public sealed class IdentityTests(CrossServiceFixture system)
{
    private const string Route = "/v1/identities";

    [Fact]
    public async Task An_identity_is_created_listed_read_updated_and_deleted_as_documented()
    {
        var client = system.ClientFor(CrossServiceFixture.IdentityService, await system.IssueKeyAsync());

        var (created, body) = await client.SendJsonAsync(HttpMethod.Post, Route, new { firstName = "Jane", lastName = "Doe", role = "Head of Sales" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        body.GetProperty("status").GetString().ShouldBe("success");
        var identity = body.GetProperty("identity");
        var id = identity.GetProperty("id").GetString()!;
        id.ShouldStartWith("idn_");
        identity.GetProperty("firstName").GetString().ShouldBe("Jane");
        identity.GetProperty("lastName").GetString().ShouldBe("Doe");
        identity.GetProperty("role").GetString().ShouldBe("Head of Sales");
        identity.GetProperty("jobTitle").GetString().ShouldBe("Head of Sales");
        identity.GetProperty("seat_id").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        identity.GetProperty("linkedin").GetProperty("status").GetString().ShouldBe("disconnected");
        created.Headers.Location!.ToString().ShouldBe($"/v1/identities/{id}");

        var (_, list) = await client.SendJsonAsync(HttpMethod.Get, Route);
        list.GetProperty("identities").EnumerateArray().Single().GetProperty("id").GetString().ShouldBe(id);

        var (updated, updatedBody) = await client.SendJsonAsync(HttpMethod.Put, $"{Route}/{id}", new { jobTitle = "VP Sales", lastName = "Smith" });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        updatedBody.GetProperty("identity").GetProperty("jobTitle").GetString().ShouldBe("VP Sales");
        updatedBody.GetProperty("identity").GetProperty("role").GetString().ShouldBe("VP Sales");
        updatedBody.GetProperty("identity").GetProperty("lastName").GetString().ShouldBe("Smith");
        updatedBody.GetProperty("identity").GetProperty("firstName").GetString().ShouldBe("Jane");

        var (_, read) = await client.SendJsonAsync(HttpMethod.Get, $"{Route}/{id}");
        read.GetProperty("identity").GetProperty("lastName").GetString().ShouldBe("Smith");

        var (deleted, deletedBody) = await client.SendJsonAsync(HttpMethod.Delete, $"{Route}/{id}");
        deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
        deletedBody.GetProperty("identity_id").GetString().ShouldBe(id);
        (await client.SendJsonAsync(HttpMethod.Get, $"{Route}/{id}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.SendJsonAsync(HttpMethod.Delete, $"{Route}/{id}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Role_and_jobTitle_are_one_field_under_two_names()
    {
        var client = system.ClientFor(CrossServiceFixture.IdentityService, await system.IssueKeyAsync());
        var (created, body) = await client.SendJsonAsync(HttpMethod.Post, Route, new { firstName = "Al", lastName = "Bo", jobTitle = "Founder" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = body.GetProperty("identity").GetProperty("id").GetString()!;
        body.GetProperty("identity").GetProperty("role").GetString().ShouldBe("Founder");

        var (_, renamed) = await client.SendJsonAsync(HttpMethod.Put, $"{Route}/{id}", new { role = "CEO" });
        renamed.GetProperty("identity").GetProperty("jobTitle").GetString().ShouldBe("CEO");

        var (clash, problem) = await client.SendJsonAsync(HttpMethod.Put, $"{Route}/{id}", new { role = "CTO", jobTitle = "CFO" });
        clash.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.NamesField("jobTitle").ShouldBeTrue();
    }

    [Fact]
    public async Task Personal_fields_are_sealed_in_the_log_and_unreadable_after_deletion()
    {
        var client = system.ClientFor(CrossServiceFixture.IdentityService, await system.IssueKeyAsync());
        var surname = $"Surname{Guid.NewGuid():N}";
        var (_, body) = await client.SendJsonAsync(HttpMethod.Post, Route, new { firstName = "Private", lastName = surname, role = "Seller" });
        var id = body.GetProperty("identity").GetProperty("id").GetString()!;

        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM events WHERE data::text LIKE $1", $"%{surname}%")).ShouldBe(0L);
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM identity_keys WHERE identity_id = $1", id)).ShouldBe(1L);

        await client.SendJsonAsync(HttpMethod.Delete, $"{Route}/{id}");

        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM identity_keys WHERE identity_id = $1", id)).ShouldBe(0L);
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM identity_list WHERE identity_id = $1", id)).ShouldBe(0L);
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM events WHERE stream_id = $1", id)).ShouldBe(2L);
    }

    [Fact]
    public async Task Another_keys_identities_are_not_found_and_not_listed()
    {
        var owner = system.ClientFor(CrossServiceFixture.IdentityService, await system.IssueKeyAsync());
        var stranger = system.ClientFor(CrossServiceFixture.IdentityService, await system.IssueKeyAsync());
        var (_, body) = await owner.SendJsonAsync(HttpMethod.Post, Route, new { firstName = "Own", lastName = "Er", role = "Seller" });
        var id = body.GetProperty("identity").GetProperty("id").GetString()!;

        foreach (var (method, url, payload) in new (HttpMethod, string, object?)[]
                 {
                     (HttpMethod.Get, $"{Route}/{id}", null),
                     (HttpMethod.Put, $"{Route}/{id}", new { firstName = "Taken" }),
                     (HttpMethod.Delete, $"{Route}/{id}", null),
                     (HttpMethod.Post, $"{Route}/{id}/linkedin/login", new { username = "x@example.com", password = "pw" }),
                     (HttpMethod.Get, $"{Route}/{id}/linkedin/check", null),
                 })
            (await stranger.SendJsonAsync(method, url, payload)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {url}");

        (await stranger.SendJsonAsync(HttpMethod.Get, Route)).Body.GetProperty("identities").GetArrayLength().ShouldBe(0);
        (await owner.SendJsonAsync(HttpMethod.Get, $"{Route}/{id}")).Body.GetProperty("identity").GetProperty("firstName").GetString().ShouldBe("Own");
    }

    [Theory]
    [InlineData("firstName")]
    [InlineData("lastName")]
    [InlineData("role")]
    public async Task A_missing_or_blank_field_is_refused_naming_it_and_nothing_is_stored(string field)
    {
        var key = await system.IssueKeyAsync();
        var client = system.ClientFor(CrossServiceFixture.IdentityService, key);
        var fields = new Dictionary<string, string?> { ["firstName"] = "A", ["lastName"] = "B", ["role"] = "C", [field] = "  " };

        var (refused, problem) = await client.SendJsonAsync(HttpMethod.Post, Route, fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.NamesField(field).ShouldBeTrue();
        (await client.SendJsonAsync(HttpMethod.Get, Route)).Body.GetProperty("identities").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Malformed_json_and_overlong_names_are_refused()
    {
        var client = system.ClientFor(CrossServiceFixture.IdentityService, await system.IssueKeyAsync());
        using var broken = new StringContent("{\"firstName\": ", System.Text.Encoding.UTF8, "application/json");
        var malformed = await client.PostAsync(Route, broken);
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        malformed.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var (tooLong, problem) = await client.SendJsonAsync(HttpMethod.Post, Route, new { firstName = new string('a', 101), lastName = "B", role = "C" });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.NamesField("firstName").ShouldBeTrue();
        (await client.SendJsonAsync(HttpMethod.Get, $"{Route}/idn_notanidatall")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_idempotency_key_replays_a_created_identity_instead_of_creating_a_second()
    {
        var client = system.ClientFor(CrossServiceFixture.IdentityService, await system.IssueKeyAsync());
        var key = Guid.NewGuid().ToString();
        async Task<(HttpResponseMessage, System.Text.Json.JsonElement)> CreateAsync(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = System.Net.Http.Json.JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            return (response, System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        var (first, firstBody) = await CreateAsync(new { firstName = "Once", lastName = "Only", role = "Seller" });
        var (second, secondBody) = await CreateAsync(new { firstName = "Once", lastName = "Only", role = "Seller" });
        var (changed, _) = await CreateAsync(new { firstName = "Twice", lastName = "Only", role = "Seller" });

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        secondBody.GetProperty("identity").GetProperty("id").GetString().ShouldBe(firstBody.GetProperty("identity").GetProperty("id").GetString());
        changed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.SendJsonAsync(HttpMethod.Get, Route)).Body.GetProperty("identities").GetArrayLength().ShouldBe(1);
    }
}
