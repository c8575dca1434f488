namespace Outreach.HostileInput.Tests;

/// <summary>Every way this suite breaks a JSON body, applied to one route: each case is invalid on its own.</summary>
public static class BodyMutations
{
    public static IEnumerable<HostileCase> For(BodyRoute route)
    {
        HostileCase Case(string name, string? body, string contentType = "application/json") =>
            new(route.Family, name, route.Service, route.Method, route.Path)
            {
                Body = body, ContentType = contentType, Headers = route.Auth, NotFoundAllowed = route.NotFoundAllowed,
            };

        foreach (var (name, text) in Payloads.Unreadable)
            yield return Case($"unreadable body: {name}", text);
        var full = BodyRoute.Body(route.Template);
        yield return Case("truncated body", full[..(full.Length / 2)]);
        yield return Case("trailing comma", full[..^1] + ",}");
        if (!route.BodyOptional)
        {
            yield return Case("empty body", "");
            yield return Case("null body", "null");
        }

        foreach (var field in route.Required)
        {
            yield return Case($"missing {field}", BodyRoute.Body(route.Without(field)));
            yield return Case($"null {field}", BodyRoute.Body(route.With(field, "null")));
        }

        foreach (var (field, value) in route.Template)
        {
            var wrong = value.StartsWith('"') ? Payloads.NotStrings : char.IsAsciiDigit(value[0]) ? Payloads.NotNumbers : [];
            foreach (var (name, json) in wrong)
                yield return Case($"{field} is a {name}", BodyRoute.Body(route.With(field, json)));
            if (!value.StartsWith('"'))
                continue;
            foreach (var hostile in HostileValues(field))
                yield return hostile;
        }

        foreach (var (field, value) in route.Breakers)
            yield return Case($"invalid {field}", BodyRoute.Body(route.With(field, value)));

        var broken = route.With(route.Breakers[0].Key, route.Breakers[0].Value).ToList();
        yield return Case("extra fields with an invalid one",
            BodyRoute.Body(broken.Append(KeyValuePair.Create("__proto__", "{\"admin\":true}")).Append(KeyValuePair.Create("extra\\ud800", "\"\\u0000\""))));
        yield return Case("body over 1 MiB", BodyRoute.Body(broken.Append(KeyValuePair.Create("padding", $"\"{Payloads.Huge}\""))));
        yield return Case("text/plain", route.BrokenBody, "text/plain");
        yield return Case("form", "a=b&action=add", "application/x-www-form-urlencoded");
        yield return Case("xml content type", route.BrokenBody, "application/xml");

        foreach (var auth in AuthMutations(route))
            yield return auth;
        if (route.Idempotent)
            foreach (var idempotency in IdempotencyMutations(route))
                yield return idempotency;

        IEnumerable<HostileCase> HostileValues(string field)
        {
            var shaped = route.Shaped.Contains(field);
            var breaker = route.Breakers.FirstOrDefault(b => b.Key != field);
            if (!shaped && breaker.Key is null)
                yield break;
            foreach (var (name, json) in Payloads.Strings)
            {
                var fields = route.With(field, json);
                if (!shaped)
                    fields = fields.Select(pair => pair.Key == breaker.Key ? breaker : pair)
                        .Concat(fields.Any(pair => pair.Key == breaker.Key) ? [] : [breaker]);
                yield return Case($"{field} is {name}" + (shaped ? "" : $" (and {breaker.Key} invalid)"), BodyRoute.Body(fields));
            }
        }
    }

    private static IEnumerable<HostileCase> AuthMutations(BodyRoute route)
    {
        if (route.Auth.Count == 0)
            yield break;
        var name = route.Auth[0].Key;
        var value = route.Auth[0].Value;
        HostileCase Case(string caseName, IReadOnlyList<KeyValuePair<string, string>> headers) =>
            new(route.Family, caseName, route.Service, route.Method, route.Path) { Body = route.BrokenBody, Headers = headers, Status = 401 };
        yield return Case("no credentials", []);
        yield return Case("unknown credentials", [KeyValuePair.Create(name, name == "Authorization" ? "Bearer oak_unknown" : "oak_unknown")]);
        yield return Case($"{name} sent twice", [KeyValuePair.Create(name, value), KeyValuePair.Create(name, value)]);
    }

    private static IEnumerable<HostileCase> IdempotencyMutations(BodyRoute route)
    {
        HostileCase Keyed(string caseName, string key, string body) =>
            new(route.Family, caseName, route.Service, route.Method, route.Path)
            {
                Body = body, Headers = [.. route.Auth, KeyValuePair.Create("Idempotency-Key", key)], NotFoundAllowed = route.NotFoundAllowed,
            };
        foreach (var (caseName, key) in new[] { ("with a space", "a b"), ("256 characters", new string('k', 256)), ("with a tab", "a\tb") })
            yield return Keyed($"Idempotency-Key {caseName}", key, route.BrokenBody) with { Status = 400, NotFoundAllowed = false };
        var reused = $"hostile-{Guid.NewGuid():N}";
        yield return Keyed("Idempotency-Key reused with a different body", reused,
            BodyRoute.Body(route.With(route.Breakers[0].Key, route.Breakers[0].Value).Append(KeyValuePair.Create("nonce", "1")))) with
        {
            Status = 409,
            NotFoundAllowed = false,
            Primer = Keyed("Idempotency-Key's first use", reused, route.BrokenBody),
        };
    }
}
