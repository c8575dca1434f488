using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Auth;

/// <summary>Authenticates public routes by access key. Missing, bad and revoked keys look the same to the caller.</summary>
public sealed class AccessKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessKeyDirectory keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = AccessKeyScheme.Name;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedCredentials.From(Request.Headers);
        if (presented is null)
            return AuthenticateResult.NoResult();

        var key = await keys.FindAsync(presented, Context.RequestAborted);
        if (key is null)
            return AuthenticateResult.Fail("The access key was not accepted.");

        return AuthenticateResult.Success(new AuthenticationTicket(key.ToPrincipal(SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Unauthorized.WriteAsync(Context, AccessKeyScheme.ChallengeDetail);
}
