namespace Outreach.HostileInput.Tests.Corpus;

/// <summary>seat-service's operator routes under /admin/accounts.</summary>
public static class OperatorCorpus
{
    public const string Family = "operator";

    public static IEnumerable<HostileCase> Build(Tenant tenant, string operatorToken)
    {
        var auth = Auth.Operator(operatorToken);
        var service = HostileSystemFixture.SeatService;
        var account = tenant.Key.AccountId;
        var accounts = new BodyRoute(Family, service, HttpMethod.Post, "/admin/accounts")
        {
            Auth = auth,
            Template = [KeyValuePair.Create("name", "\"\"")],
            Required = ["name"],
            Breakers = [KeyValuePair.Create("name", "\"\""), KeyValuePair.Create("name", $"\"{new string('n', 201)}\"")],
        };
        var cases = BodyMutations.For(accounts)
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Post, "/admin/accounts/{id}/access-keys", auth))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Get, "/admin/accounts/{id}/status", auth))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Delete, $"/admin/accounts/{account}/access-keys/{{id}}", auth))
            .Concat(QueryMutations.Ids(Family, service, HttpMethod.Delete, $"/admin/accounts/{{id}}/access-keys/{tenant.Key.KeyId}", auth));
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, $"/admin/accounts/{account}/status"),
            (HttpMethod.Post, $"/admin/accounts/{account}/access-keys"),
            (HttpMethod.Delete, $"/admin/accounts/{account}/access-keys/{tenant.Key.KeyId}"),
        })
        {
            cases = cases.Concat(QueryMutations.Unauthenticated(Family, service, method, path, "Authorization", "Bearer " + operatorToken))
                .Append(new HostileCase(Family, "a tenant's access key as the operator token", service, method, path)
                {
                    Status = 401, Headers = [KeyValuePair.Create("Authorization", "Bearer " + tenant.Key.AccessKey)],
                })
                .Append(new HostileCase(Family, "the operator token as an access key", service, method, path)
                {
                    Status = 401, Headers = [KeyValuePair.Create("x-access-key", operatorToken)],
                });
        }
        return cases;
    }
}
