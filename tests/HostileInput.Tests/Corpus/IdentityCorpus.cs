namespace Outreach.HostileInput.Tests.Corpus;

/// <summary>identity-service's seed 003 routes: /v1/identities and the LinkedIn login, status, code and check.</summary>
public static class IdentityCorpus
{
    public const string Family = "identities";

    public static IEnumerable<HostileCase> Build(Tenant tenant)
    {
        var auth = Auth.AccessKey(tenant);
        var service = HostileSystemFixture.IdentityService;
        var identity = $"/v1/identities/{tenant.IdentityId}";
        var cases = QueryMutations.Ids(Family, service, HttpMethod.Get, "/v1/identities/{id}", auth)
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Delete, "/v1/identities/{id}", auth))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Put, "/v1/identities/{id}", auth, "{\"firstName\":\"X\"}"))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Get, "/v1/identities/{id}/linkedin/check", auth))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Post, "/v1/identities/{id}/linkedin/login", auth, "{}"))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Get, $"{identity}/linkedin/status/{{id}}", auth))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Post, $"{identity}/linkedin/code/{{id}}", auth, "{\"code\":\"123456\"}"))
            .Concat(QueryMutations.Unauthenticated(Family, service, HttpMethod.Get, "/v1/identities", "x-access-key", tenant.Key.AccessKey))
            .Concat(QueryMutations.Unauthenticated(Family, service, HttpMethod.Get, $"{identity}/linkedin/check", "x-access-key", tenant.Key.AccessKey));
        return Routes(tenant).Aggregate(cases, (all, route) => all.Concat(BodyMutations.For(route)));
    }

    private static IEnumerable<BodyRoute> Routes(Tenant tenant)
    {
        var identity = $"/v1/identities/{tenant.IdentityId}";
        BodyRoute Route(HttpMethod method, string path) => new(Family, HostileSystemFixture.IdentityService, method, path) { Auth = Auth.AccessKey(tenant) };
        var tooLong = $"\"{new string('n', 101)}\"";

        yield return Route(HttpMethod.Post, "/v1/identities") with
        {
            Idempotent = true,
            Template = [KeyValuePair.Create("firstName", "\"Ann\""), KeyValuePair.Create("lastName", "\"Lee\""), KeyValuePair.Create("role", "\"Sales\"")],
            Required = ["firstName", "lastName", "role"],
            Breakers = [KeyValuePair.Create("lastName", "\"\""), KeyValuePair.Create("firstName", "\"  \""), KeyValuePair.Create("firstName", tooLong),
                KeyValuePair.Create("role", "\"\""), KeyValuePair.Create("jobTitle", "\"Other\""), KeyValuePair.Create("firstName", "\"a\\tb\"")],
        };
        // An update without fields (or a null body) may be a harmless no-op: every case here changes something invalidly.
        yield return Route(HttpMethod.Put, identity) with
        {
            BodyOptional = true,
            Template = [KeyValuePair.Create("firstName", "\"Renamed\""), KeyValuePair.Create("jobTitle", "\"Sales\"")],
            Breakers = [KeyValuePair.Create("role", "\"Other\""), KeyValuePair.Create("firstName", "\"\""), KeyValuePair.Create("lastName", "\"\""),
                KeyValuePair.Create("lastName", tooLong), KeyValuePair.Create("jobTitle", "\"\"")],
        };
        // A login without credentials re-authenticates (valid): every case keeps an invalid country unless it breaks the country.
        yield return Route(HttpMethod.Post, $"{identity}/linkedin/login") with
        {
            BodyOptional = true, Idempotent = true,
            Template = [KeyValuePair.Create("username", "\"hostile@example.com\""), KeyValuePair.Create("password", "\"pw\""),
                KeyValuePair.Create("country", "\"ZZZ\""), KeyValuePair.Create("max_verification_wait_time", "600")],
            Required = ["username", "password"],
            Shaped = ["country"],
            Breakers = [KeyValuePair.Create("country", "\"ZZZ\""), KeyValuePair.Create("max_verification_wait_time", "0"),
                KeyValuePair.Create("max_verification_wait_time", "3601"), KeyValuePair.Create("max_verification_wait_time", "1e99")],
        };
        // The tenant's login is over (connected): any code is refused.
        yield return Route(HttpMethod.Post, $"{identity}/linkedin/code/{tenant.LoginSessionId}") with
        {
            Idempotent = true,
            Template = [KeyValuePair.Create("code", "\"000000\"")], Required = ["code"], Shaped = ["code"],
            Breakers = [KeyValuePair.Create("code", "\"\""), KeyValuePair.Create("code", $"\"{new string('9', 5000)}\"")],
        };
    }
}
