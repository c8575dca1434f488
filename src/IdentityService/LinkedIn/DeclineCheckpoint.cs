using Outreach.ServiceDefaults.Auth;
using System.Security.Claims;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;

namespace Outreach.IdentityService.LinkedIn;

/// <summary>
/// Ends a login at a checkpoint its client cannot put in front of the person (the connect page shows no captcha and
/// registers no phone number): the login fails now, as <c>captcha_failed</c> for a captcha and
/// <c>checkpoint_declined</c> otherwise, so a new login may start at once instead of meeting this one "in progress"
/// until its max_verification_wait_time. The provider's pending account is dropped. Answers the login's new state
/// as the status route shows it; a login past its wait is expired (410), one not at a checkpoint is a 409.
/// </summary>
public static class DeclineCheckpoint
{
    public static async Task<IResult> Handle(string identityId, string sessionId, ClaimsPrincipal user, IDocumentSession session, NpgsqlDataSource db,
        ILinkedInProvider provider, TimeProvider clock, CancellationToken ct)
    {
        var caller = user.Tenant();
        var stream = await TenantIdentities.LoadAsync(session, identityId, caller, ct);
        var now = clock.GetUtcNow();
        if (stream?.Aggregate is not { } identity || !LoginIds.IsSessionId(sessionId))
            return Problems.NotFound("login session");
        switch (identity.CheckCode(sessionId, now))
        {
            case Identity.CodeCheck.UnknownLogin:
                return Problems.NotFound("login session");
            case Identity.CodeCheck.Over:
                if (identity.Expire(sessionId, now) is not null)
                {
                    LoginOutcomes.Expire(session, stream, sessionId, now);
                    await session.SaveChangesAsync(ct);
                }
                return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Login is over", detail: "This login session has ended.");
            case Identity.CodeCheck.NotWaitingForCode:
                return Problems.Conflict($"This login is {identity.Login!.Status}, not at a checkpoint.");
        }

        var login = identity.Login!;
        var reason = login.CheckpointType == "CAPTCHA" ? LoginFailures.CaptchaFailed : LoginFailures.CheckpointDeclined;
        await LoginOutcomes.RecordAsync(session, stream, sessionId, new ProviderOutcome.Failed(reason), now, ct);
        await session.SaveChangesAsync(ct);
        try
        {
            await provider.DisconnectAsync(login.CheckpointAccountId!, ct);
        }
        catch (ProviderUnavailableException)
        {
            // The login is over here either way; the provider forgets an unfinished login when its intent ends.
        }
        var view = await LoginSessionView.FindAsync(db, caller.KeyId, identityId, sessionId, now, ct);
        return Results.Ok(new GetLoginStatus.Response("success", identityId, view!));
    }
}
