using Microsoft.AspNetCore.Http;

namespace Outreach.ServiceDefaults.Auth;

/// <summary>
/// The credential a caller presented, in any of the accepted forms: `x-access-key: &lt;access_key&gt;` (seed 000),
/// `X-API-KEY: &lt;access_key&gt;` (seed 004), `X-API-KEY: &lt;key_id&gt;` + `X-API-SECRET: &lt;secret&gt;` (seed 002) and
/// `Authorization: Bearer &lt;access_key&gt;`.
/// </summary>
public sealed record PresentedCredentials(string? AccessKey, string? KeyId, string? Secret)
{
    public static PresentedCredentials? From(IHeaderDictionary headers)
    {
        var accessKeyHeader = Single(headers, "x-access-key");
        if (accessKeyHeader is not null)
            return new PresentedCredentials(accessKeyHeader, null, null);

        var apiKey = Single(headers, "X-API-KEY");
        if (apiKey is not null)
        {
            var secret = Single(headers, "X-API-SECRET");
            return secret is null
                ? new PresentedCredentials(apiKey, null, null)
                : new PresentedCredentials(null, apiKey, secret);
        }

        var authorization = Single(headers, "Authorization");
        const string bearer = "Bearer ";
        if (authorization is not null && authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
            return new PresentedCredentials(authorization[bearer.Length..].Trim(), null, null);

        return null;
    }

    /// <summary>A header sent twice is ambiguous; it authenticates nothing.</summary>
    private static string? Single(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrWhiteSpace(values[0])
            ? values[0]!.Trim()
            : null;
}
