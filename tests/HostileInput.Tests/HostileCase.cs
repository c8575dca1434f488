namespace Outreach.HostileInput.Tests;

/// <summary>
/// One invalid request and what it must get: a 4xx problem (never a 5xx), 404 only when it names an id that does not
/// exist, exactly <see cref="Status"/> when that is known. <see cref="Primer"/> is sent first (an Idempotency-Key's first use).
/// </summary>
public sealed record HostileCase(string Family, string Name, string Service, HttpMethod Method, string Path)
{
    public string? Body { get; init; }
    public string ContentType { get; init; } = "application/json";
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
    public bool NotFoundAllowed { get; init; }
    public int? Status { get; init; }
    public HostileCase? Primer { get; init; }

    public override string ToString() => $"[{Family}] {Name}: {Method} {Shorten(Path)}";

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
