namespace Outreach.TenantIsolation.Tests;

public enum KeyForm
{
    AccessKey,
    KeyIdAndSecret,
}

/// <summary>
/// One public route, its path and JSON body written with {placeholders} for the victim's ids, and what another
/// tenant may get from it. <see cref="RevokedOnly"/>: a route that names no id of the victim (a create), asked only with
/// the revoked key.
/// </summary>
public sealed record RouteCase(string Service, string Method, string Path, string? Body, int[] ForOtherTenant, KeyForm Form = KeyForm.AccessKey,
    bool RevokedOnly = false)
{
    public string Name => $"{Method} {Path}{(Body is null ? "" : " " + Body)}";

    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
            template = template.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return template;
    }
}
