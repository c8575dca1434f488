namespace Outreach.HostileInput.Tests.Corpus;

/// <summary>invitation-service's seed 004 routes and its queue: profiles, sends, sent list, withdrawals, batches, the list.</summary>
public static class InvitationCorpus
{
    public const string Family = "invitations";
    private const string MissingAccount = "\"acc_doesnotexist\"";

    private static readonly IReadOnlyList<(string Name, string Value)> BadCursors =
        [("not base64", "%%%"), ("random base64", "aGVsbG8gd29ybGQ="), ("json", Uri.EscapeDataString("{\"after\":1}")), ("sql injection", Uri.EscapeDataString("' OR 1=1 --"))];

    public static IEnumerable<HostileCase> Build(Tenant tenant)
    {
        var auth = Auth.AccessKey(tenant);
        var service = HostileSystemFixture.InvitationService;
        var account = $"account_id={tenant.LinkedInAccountId}";
        var accounts = Payloads.QueryValues.Append(("unknown", "acc_doesnotexist"));
        var cases = new[] { new HostileCase(Family, "profile without account_id", service, HttpMethod.Get, "/api/v1/users/someone") { Headers = auth } }
            .Concat(QueryMutations.Values(Family, service, "/api/v1/users/someone", "account_id", auth, accounts, notFoundAllowed: true))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Get, $"/api/v1/users/{{id}}?{account}", auth))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Delete, "/api/v1/users/invite/sent/{id}", auth))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Delete, $"/api/v1/users/invite/sent/{{id}}?{account}", auth));
        foreach (var list in new[] { "/api/v1/users/invite/sent", "/v1/invitations" })
        {
            cases = cases.Concat(QueryMutations.Limits(Family, service, list, auth))
                .Concat(QueryMutations.Values(Family, service, list, "cursor", auth, BadCursors))
                .Concat(QueryMutations.Values(Family, service, list, "account_id", auth, accounts, notFoundAllowed: true))
                .Concat(QueryMutations.Unauthenticated(Family, service, HttpMethod.Get, list, "x-access-key", tenant.Key.AccessKey));
        }
        cases = cases.Concat(QueryMutations.Values(Family, service, "/v1/invitations", "status", auth, Payloads.QueryValues.Append(("unknown", "pending"))));
        return Routes(tenant).Aggregate(cases, (all, route) => all.Concat(BodyMutations.For(route)));
    }

    private static IEnumerable<BodyRoute> Routes(Tenant tenant)
    {
        var account = Auth.Json(tenant.LinkedInAccountId);
        var tooLongNote = $"\"{new string('m', 301)}\"";
        BodyRoute Route(string path) => new(Family, HostileSystemFixture.InvitationService, HttpMethod.Post, path)
        {
            Auth = Auth.AccessKey(tenant), Idempotent = true, NotFoundAllowed = true, Shaped = ["account_id"],
        };

        yield return Route("/api/v1/users/invite") with
        {
            Template = [KeyValuePair.Create("provider_id", "\"ACoAAHostile\""), KeyValuePair.Create("account_id", account), KeyValuePair.Create("message", tooLongNote)],
            Required = ["provider_id", "account_id"],
            Breakers = [KeyValuePair.Create("message", tooLongNote), KeyValuePair.Create("account_id", MissingAccount), KeyValuePair.Create("provider_id", "\"\"")],
        };
        var both = "[{\"provider_id\":\"ACoAAHostile\",\"public_identifier\":\"hostile\"}]";
        var breakers = new List<KeyValuePair<string, string>>
        {
            KeyValuePair.Create("invitations", both), KeyValuePair.Create("invitations", "[]"), KeyValuePair.Create("invitations", "[{}]"),
            KeyValuePair.Create("invitations", "[null]"), KeyValuePair.Create("invitations", "\"everyone\""), KeyValuePair.Create("invitations", "{}"),
            KeyValuePair.Create("invitations", "[1]"), KeyValuePair.Create("invitations", "[{\"provider_id\":12}]"),
            KeyValuePair.Create("invitations", "[{\"provider_id\":\"a\"},{\"provider_id\":\"a\"}]"),
            KeyValuePair.Create("invitations", $"[{{\"provider_id\":\"a\",\"message\":{tooLongNote}}}]"),
            KeyValuePair.Create("invitations", $"[{string.Join(",", Enumerable.Range(0, 501).Select(i => $"{{\"provider_id\":\"p{i}\"}}"))}]"),
            KeyValuePair.Create("account_id", MissingAccount),
        };
        breakers.AddRange(Payloads.Strings.Select(payload =>
            KeyValuePair.Create("invitations", $"[{{\"provider_id\":{payload.Json},\"public_identifier\":{payload.Json}}}]")));
        yield return Route("/v1/invitations/batch") with
        {
            Template = [KeyValuePair.Create("account_id", account), KeyValuePair.Create("invitations", both)],
            Required = ["account_id", "invitations"],
            Breakers = breakers,
        };
    }
}
