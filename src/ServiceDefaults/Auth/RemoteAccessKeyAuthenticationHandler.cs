using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Outreach.ServiceDefaults.Auth;

/// <summary>
/// Access-key authentication for services that do not own the keys: the same headers, the same claims and the same
/// single 401 as seat-service's own handler, decided by asking seat-service (<see cref="SeatServiceAccessKeys"/>).
/// When seat-service cannot be asked the challenge is a 503 instead.
/// </summary>
public sealed class RemoteAccessKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SeatServiceAccessKeys keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    // A handler instance serves one request (the handler provider keeps it for the request), so the challenge sees
    // what authentication found.
    private bool _unavailable;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedCredentials.From(Request.Headers);
        if (presented is null)
            return AuthenticateResult.NoResult();

        var check = await keys.CheckAsync(presented, Context.RequestAborted);
        switch (check.Outcome)
        {
            case KeyCheckOutcome.Accepted:
                return AuthenticateResult.Success(new AuthenticationTicket(check.Key!.ToPrincipal(Scheme.Name), Scheme.Name));
            case KeyCheckOutcome.Unavailable:
                _unavailable = true;
                return AuthenticateResult.Fail("The access key could not be checked.");
            default:
                return AuthenticateResult.Fail("The access key was not accepted.");
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        _unavailable ? KeyCheckUnavailable.WriteAsync(Context) : Unauthorized.WriteAsync(Context, AccessKeyScheme.ChallengeDetail);
}
