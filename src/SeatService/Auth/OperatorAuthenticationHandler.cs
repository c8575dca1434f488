using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Auth;

/// <summary>
/// Authenticates the operator API by `Authorization: Bearer &lt;operator token&gt;`. The AppHost generates the token,
/// hands it to this service as `Operator__Token` and writes it to apphost.json for the operator.
/// </summary>
public sealed class OperatorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IConfiguration configuration) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Operator";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var expected = configuration["Operator:Token"];
        var header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(expected) || header.Count != 1 || header[0] is not { } value ||
            !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());

        var presented = Encoding.UTF8.GetBytes(value["Bearer ".Length..].Trim());
        if (!CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(expected)))
            return Task.FromResult(AuthenticateResult.Fail("The operator token was not accepted."));

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, "operator")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Unauthorized.WriteAsync(Context, "A valid operator token is required.");
}
