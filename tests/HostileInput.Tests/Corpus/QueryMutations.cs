namespace Outreach.HostileInput.Tests.Corpus;

/// <summary>Bad query values and ids of the wrong shape for GET and DELETE routes.</summary>
public static class QueryMutations
{
    /// <summary>Each hostile value for <paramref name="parameter"/> appended to <paramref name="path"/> (which may hold a query already).</summary>
    public static IEnumerable<HostileCase> Values(string family, string service, string path, string parameter,
        IReadOnlyList<KeyValuePair<string, string>> auth, IEnumerable<(string Name, string Value)> values, bool notFoundAllowed = false)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in values)
            yield return new HostileCase(family, $"{parameter} is {name}", service, HttpMethod.Get, $"{path}{separator}{parameter}={value}")
            {
                Headers = auth, NotFoundAllowed = notFoundAllowed,
            };
    }

    public static IEnumerable<HostileCase> Limits(string family, string service, string path, IReadOnlyList<KeyValuePair<string, string>> auth) =>
        Values(family, service, path, "limit", auth, Payloads.BadLimits.Select(limit => (limit, limit)));

    /// <summary>Each id of the wrong shape in place of <c>{id}</c> in <paramref name="template"/>: a 404 (or a 4xx saying why).</summary>
    public static IEnumerable<HostileCase> Ids(string family, string service, HttpMethod method, string template,
        IReadOnlyList<KeyValuePair<string, string>> auth, string? body = null) =>
        Payloads.Ids.Select(id => new HostileCase(family, $"id is {id.Name}", service, method, template.Replace("{id}", id.Segment, StringComparison.Ordinal))
        {
            Headers = auth, NotFoundAllowed = true, Body = body,
        });

    /// <summary>No key, an unknown key, the key sent twice: 401 whatever the rest.</summary>
    public static IEnumerable<HostileCase> Unauthenticated(string family, string service, HttpMethod method, string path, string header, string value)
    {
        yield return new HostileCase(family, "no credentials", service, method, path) { Status = 401 };
        yield return new HostileCase(family, "unknown credentials", service, method, path)
        {
            Status = 401, Headers = [KeyValuePair.Create(header, header == "Authorization" ? "Bearer oak_unknown" : "oak_unknown")],
        };
        yield return new HostileCase(family, $"{header} sent twice", service, method, path)
        {
            Status = 401, Headers = [KeyValuePair.Create(header, value), KeyValuePair.Create(header, value)],
        };
    }
}
