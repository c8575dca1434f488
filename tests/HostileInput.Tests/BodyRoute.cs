namespace Outreach.HostileInput.Tests;

/// <summary>
/// A route that takes a JSON body, described well enough to break it on purpose. <see cref="Template"/> is the body
/// as raw JSON values; <see cref="Breakers"/> are replacements each of which alone makes it invalid, so that a hostile
/// value in a field that would accept it never leaves a valid request behind. <see cref="Shaped"/> fields take only
/// ids, emails or names from a list: no hostile value is one of them.
/// </summary>
public sealed record BodyRoute(string Family, string Service, HttpMethod Method, string Path)
{
    public IReadOnlyList<KeyValuePair<string, string>> Template { get; init; } = [];
    public IReadOnlyList<string> Required { get; init; } = [];
    public IReadOnlyList<string> Shaped { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Breakers { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Auth { get; init; } = [];
    public bool NotFoundAllowed { get; init; }

    /// <summary>An empty or null body means "no options" here (a re-authentication), which may be valid.</summary>
    public bool BodyOptional { get; init; }

    /// <summary>Whether the route takes an Idempotency-Key (every tenant POST).</summary>
    public bool Idempotent { get; init; }

    public string Name => $"{Method} {Path}";

    public static string Body(IEnumerable<KeyValuePair<string, string>> fields) =>
        "{" + string.Join(",", fields.Select(field => $"\"{field.Key}\":{field.Value}")) + "}";

    public IEnumerable<KeyValuePair<string, string>> With(string field, string json) =>
        Template.Any(pair => pair.Key == field)
            ? Template.Select(pair => pair.Key == field ? KeyValuePair.Create(field, json) : pair)
            : Template.Append(KeyValuePair.Create(field, json));

    public IEnumerable<KeyValuePair<string, string>> Without(string field) => Template.Where(pair => pair.Key != field);

    /// <summary>The template broken by its first breaker: invalid however the rest of a case is read.</summary>
    public string BrokenBody => Body(With(Breakers[0].Key, Breakers[0].Value));
}
