using Outreach.SeatService.Auth;

namespace Outreach.SeatService.Connect;

public sealed class ConnectLinkOptions
{
    /// <summary>Public base URL the links point at (e.g. https://connect.example.com). Empty: this service's own URL.</summary>
    public string BaseUrl { get; set; } = "";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>Makes single-use connect links. The token is a secret in a URL: only its hash is stored.</summary>
public sealed class ConnectLinks(Microsoft.Extensions.Options.IOptions<ConnectLinkOptions> options, TimeProvider clock)
{
    public const string TokenPrefix = "ct_";

    public sealed record NewLink(string Token, string TokenHash, DateTimeOffset ExpiresAt);

    public NewLink Create()
    {
        var token = Secrets.NewId(TokenPrefix, 32);
        return new NewLink(token, Secrets.Hash(token), clock.GetUtcNow() + options.Value.Lifetime);
    }

    public string UrlFor(HttpRequest request, string token)
    {
        var baseUrl = options.Value.BaseUrl;
        if (string.IsNullOrEmpty(baseUrl))
            baseUrl = $"{request.Scheme}://{request.Host}";
        return $"{baseUrl.TrimEnd('/')}/c/{token}";
    }
}
