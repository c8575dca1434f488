using Outreach.ServiceDefaults.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;

namespace Outreach.IdentityService.LinkedIn;

/// <summary>
/// POST /v1/identities/{identity_id}/linkedin/code/{session_id} {code} → the login's new state, as the status route
/// shows it. The code goes straight to the provider (no queue: the person is waiting). A wrong code counts as an
/// attempt (422 naming `code`, with attempts_left); after 3 the login fails and a new one is needed. A session that
/// is not waiting for a code is a 409; an expired one a 410.
/// </summary>
public static class SubmitCode
{
    public sealed record Request(string? Code);

    public static async Task<IResult> Handle([FromRoute(Name = "identity_id")] string identityId, [FromRoute(Name = "session_id")] string sessionId,
        Request? request, ClaimsPrincipal user, IDocumentSession session, NpgsqlDataSource db, ILinkedInProvider provider,
        TimeProvider clock, CancellationToken ct)
    {
        var caller = user.Tenant();
        var stream = await TenantIdentities.LoadAsync(session, identityId, caller, ct);
        var now = clock.GetUtcNow();
        if (stream?.Aggregate is not { } identity || !LoginIds.IsSessionId(sessionId) || identity.CheckCode(sessionId, now) == Identity.CodeCheck.UnknownLogin)
            return Problems.NotFound("login session");
        var code = request?.Code?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > 64 || code.Any(char.IsControl))
            return Problems.Invalid("code", "code is required: the verification code LinkedIn sent (at most 64 characters).");

        var login = identity.Login!;
        switch (identity.CheckCode(sessionId, now))
        {
            case Identity.CodeCheck.Over:
                if (identity.Expire(sessionId, now) is not null)
                {
                    LoginOutcomes.Expire(session, stream, sessionId, now);
                    await session.SaveChangesAsync(ct);
                }
                return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Login is over",
                    detail: "This login session has ended; start a new login.");
            case Identity.CodeCheck.NotWaitingForCode:
                return Problems.Conflict($"This login is {login.Status}, not waiting for a code.");
        }

        ProviderOutcome outcome;
        try
        {
            outcome = await provider.SolveCheckpointAsync(login.CheckpointAccountId!, code, ct); // CodeCheck.Ask: at a checkpoint, so set
        }
        catch (ProviderUnavailableException)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "LinkedIn is unavailable",
                detail: "The code could not be checked now; try again shortly. It did not count as an attempt.");
        }

        // LinkedIn refuses a captcha answer as a failed checkpoint; say which one failed.
        if (outcome is ProviderOutcome.Failed { Reason: LoginFailures.CheckpointFailed } && login.CheckpointType == "CAPTCHA")
            outcome = new ProviderOutcome.Failed(LoginFailures.CaptchaFailed);
        await LoginOutcomes.RecordAsync(session, stream, sessionId, outcome, now, ct);
        await session.SaveChangesAsync(ct);
        var view = await LoginSessionView.FindAsync(db, caller.KeyId, identityId, sessionId, now, ct);
        if (outcome is ProviderOutcome.CodeRejected)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["code"] = [view!.AttemptsLeft > 0 ? $"The code is wrong; {view.AttemptsLeft} attempts left." : "The code is wrong; no attempts left: start a new login."] },
                detail: "The verification code was not accepted.", statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["attempts_left"] = view.AttemptsLeft, ["login_status"] = view.Status });
        }
        return Results.Ok(new GetLoginStatus.Response("success", identityId, view!));
    }
}
