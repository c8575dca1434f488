using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Outreach.ServiceDefaults.Tests.Support;

/// <summary>
/// "X-Test-User: name[,role]" signs in; no header challenges with an empty 401; the user "explode" makes
/// the handler throw, as a broken key lookup would.
/// </summary>
public sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string ExplodingUser = "explode";
    public const string LeakySecret = "key-store-password-hunter2";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue("X-Test-User", out var header))
            return Task.FromResult(AuthenticateResult.NoResult());

        var parts = header.ToString().Split(',');
        if (parts[0] == ExplodingUser)
            throw new InvalidOperationException($"key store unreachable with {LeakySecret}");

        var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]) };
        claims.AddRange(parts.Skip(1).Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
