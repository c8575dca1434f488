namespace Outreach.HostileInput.Tests.Corpus;

/// <summary>seat-service's members routes: seed 001's /user-management/ and seed 002's /v1/workspace/.</summary>
public static class MembersCorpus
{
    public const string Family = "members";
    private const string MissingUid = "\"AAAAAAAAAAAAAAAAAAAA\"";

    public static IEnumerable<HostileCase> Build(Tenant tenant)
    {
        var auth = Auth.AccessKey(tenant);
        var service = HostileSystemFixture.SeatService;
        var users = "/user-management/users/";
        var cases = QueryMutations.Limits(Family, service, users, auth)
            .Concat(QueryMutations.Values(Family, service, users, "start_after_id", auth, Payloads.QueryValues))
            .Concat(QueryMutations.Values(Family, service, users, "end_before_id", auth, Payloads.QueryValues))
            .Concat(QueryMutations.Values(Family, service, $"{users}?start_after_id={tenant.MemberUid}", "end_before_id", auth, [("given with start_after_id", tenant.MemberUid)]))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Get, "/user-management/users/{id}", auth))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Post, "/v1/workspace/users/{id}/disable", Auth.KeyIdAndSecret(tenant)))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Put, "/v1/workspace/users/{id}/account-type", Auth.KeyIdAndSecret(tenant), "{\"accountType\":\"ADMIN\"}"))
            .Concat(QueryMutations.Unauthenticated(Family, service, HttpMethod.Get, "/user-management/organization/status", "x-access-key", tenant.Key.AccessKey))
            .Concat(QueryMutations.Unauthenticated(Family, service, HttpMethod.Get, "/v1/workspace/users", "X-API-KEY", tenant.Key.KeyId));
        return Routes(tenant).Aggregate(cases, (all, route) => all.Concat(BodyMutations.For(route)));
    }

    private static IEnumerable<BodyRoute> Routes(Tenant tenant)
    {
        BodyRoute Route(HttpMethod method, string path) => new(Family, HostileSystemFixture.SeatService, method, path) { Auth = Auth.AccessKey(tenant) };

        yield return Route(HttpMethod.Post, "/user-management/users/") with
        {
            Idempotent = true,
            Template = [KeyValuePair.Create("email", "\"new@hostile.example\""), KeyValuePair.Create("display_name", "\"New\""),
                KeyValuePair.Create("phone", "\"932323232\""), KeyValuePair.Create("account_type", "\"DEVELOPER\"")],
            Required = ["email", "display_name"],
            Shaped = ["email", "phone", "account_type"],
            Breakers = [KeyValuePair.Create("email", "\"not-an-email\""), KeyValuePair.Create("display_name", "\"\""),
                KeyValuePair.Create("phone", "\"12\""), KeyValuePair.Create("account_type", "\"ROOT\""), KeyValuePair.Create("email", "\"a@b@c.example\"")],
        };
        yield return Route(HttpMethod.Put, "/user-management/users/") with
        {
            NotFoundAllowed = true,
            Template = [KeyValuePair.Create("user_uid", Auth.Json(tenant.MemberUid)), KeyValuePair.Create("display_name", "\"Renamed\"")],
            Required = ["user_uid"],
            Shaped = ["user_uid"],
            Breakers = [KeyValuePair.Create("email", "\"not-an-email\""), KeyValuePair.Create("display_name", "\"\""),
                KeyValuePair.Create("account_type", "\"ADMIN\""), KeyValuePair.Create("status", "\"active\""), KeyValuePair.Create("phone", "\"abc\"")],
        };
        yield return Route(HttpMethod.Delete, "/user-management/users/") with
        {
            NotFoundAllowed = true, Template = [KeyValuePair.Create("user_uid", MissingUid)], Required = ["user_uid"], Shaped = ["user_uid"],
            Breakers = [KeyValuePair.Create("user_uid", "\"short\"")],
        };
        yield return Route(HttpMethod.Post, "/user-management/invitations/") with
        {
            Idempotent = true,
            Template = [KeyValuePair.Create("email", "\"invitee@hostile.example\""), KeyValuePair.Create("platform_link", "\"https://app.example.com/join\""),
                KeyValuePair.Create("account_type", "\"ADMIN\""), KeyValuePair.Create("expires_in", "3600")],
            Required = ["email"],
            Shaped = ["email", "platform_link", "account_type"],
            Breakers = [KeyValuePair.Create("expires_in", "0"), KeyValuePair.Create("expires_in", "2592001"), KeyValuePair.Create("email", "\"bad\""),
                KeyValuePair.Create("account_type", "\"ROOT\""), KeyValuePair.Create("platform_link", "\"javascript:alert(1)\"")],
        };
        yield return Route(HttpMethod.Delete, "/user-management/invitations/") with
        {
            NotFoundAllowed = true, Template = [KeyValuePair.Create("invite_token", "\"doesnotexist\"")], Required = ["invite_token"], Shaped = ["invite_token"],
            Breakers = [KeyValuePair.Create("invite_token", "\"\"")],
        };
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Delete })
            yield return Route(method, "/user-management/sub-admins/") with
            {
                Idempotent = method == HttpMethod.Post, NotFoundAllowed = true,
                Template = [KeyValuePair.Create("user_uid", MissingUid)], Required = ["user_uid"], Shaped = ["user_uid"],
                Breakers = [KeyValuePair.Create("user_uid", "\"short\"")],
            };
        yield return Route(HttpMethod.Post, "/v1/workspace/invitations") with
        {
            Auth = Auth.KeyIdAndSecret(tenant), Idempotent = true,
            Template = [KeyValuePair.Create("email", "\"alice@hostile.example\""), KeyValuePair.Create("accountType", "\"DEVELOPER\"")],
            Required = ["email", "accountType"],
            Shaped = ["email", "accountType"],
            Breakers = [KeyValuePair.Create("accountType", "\"ROOT\""), KeyValuePair.Create("email", "\"bad\"")],
        };
        yield return Route(HttpMethod.Put, $"/v1/workspace/users/{tenant.MemberUid}/account-type") with
        {
            Auth = Auth.KeyIdAndSecret(tenant),
            Template = [KeyValuePair.Create("accountType", "\"ROOT\"")], Required = ["accountType"], Shaped = ["accountType"],
            Breakers = [KeyValuePair.Create("accountType", "\"\""), KeyValuePair.Create("accountType", "\"developer \"")],
        };
    }
}
