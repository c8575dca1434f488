using System.Text.RegularExpressions;
using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>
/// POST /api/v1/accounts/checkpoint {"account_id","code","provider":"LINKEDIN"}.
/// 201 AccountCreated when solved; 202 Checkpoint when it leads to another (TRY_ANOTHER_WAY, a registered phone);
/// 400 invalid_checkpoint_solution for a wrong code, 400 checkpoint_error when the login failed, 408 once the intent expired.
/// </summary>
public static partial class SolveCheckpoint
{
    public sealed record Request(string? AccountId, string? Code, string? Provider);

    public static IResult Handle(Request? request, AccountStore accounts)
    {
        var (error, account) = PendingLogin.Find(request?.Provider, request?.AccountId, accounts);
        if (error is not null)
            return error;
        var code = request!.Code?.Trim();
        if (string.IsNullOrEmpty(code))
            return UnipileErrors.InvalidParameter("code is required.");

        var options = accounts.Options;
        var now = accounts.Clock.GetUtcNow();
        lock (account!.Gate)
        {
            account.Refresh(now, options);
            if (PendingLogin.RefuseUnlessPending(account) is { } refused)
                return refused;
            var checkpoint = account.Checkpoint!;

            if (code == CheckpointTypes.TryAnotherWay)
                return TryAnotherWay(account, checkpoint, now);

            switch (checkpoint.Type)
            {
                case CheckpointTypes.Captcha:
                    // The sandbox has no captcha to show, so no answer can be right: the login fails, as it
                    // does when a captcha cannot be solved for the real provider.
                    account.Fail(LoginFailure.Captcha);
                    return PendingLogin.CheckpointError("The captcha could not be solved; the login failed. Start it again.");
                case CheckpointTypes.InAppValidation:
                    return UnipileErrors.Problem(StatusCodes.Status400BadRequest, UnipileErrors.InvalidCheckpointSolution, "Invalid checkpoint solution",
                        "This checkpoint is approved in the LinkedIn app, not with a code; poll the account until its status is OK, or send TRY_ANOTHER_WAY.");
                case CheckpointTypes.PhoneRegister:
                    if (!PhoneNumber().IsMatch(code))
                        return Wrong(account, checkpoint, options, "Give the phone number as (+<country code>)<number>, e.g. (+33)0612345678.");
                    account.Await(new PendingCheckpoint(CheckpointTypes.TwoFactor, CheckpointSources.Sms, now));
                    return Results.Accepted($"/api/v1/accounts/{account.Id}", AccountViews.Checkpoint(account));
                default:
                    if (code != options.CheckpointCode)
                        return Wrong(account, checkpoint, options, "The code is not the one LinkedIn sent.");
                    account.Connect();
                    return Results.Created($"/api/v1/accounts/{account.Id}", new AccountCreated(account.Id, account.SessionToken));
            }
        }
    }

    private static IResult TryAnotherWay(SandboxAccount account, PendingCheckpoint checkpoint, DateTimeOffset now)
    {
        PendingCheckpoint? next = checkpoint switch
        {
            { Type: CheckpointTypes.InAppValidation } => new(CheckpointTypes.TwoFactor, null, now),
            { Type: CheckpointTypes.TwoFactor } => new(CheckpointTypes.Otp, CheckpointSources.Email, now),
            { Type: CheckpointTypes.Otp } => new(CheckpointTypes.TwoFactor, CheckpointSources.Sms, now),
            _ => null,
        };
        if (next is null)
            return PendingLogin.CheckpointError($"A {checkpoint.Type} checkpoint has no other way.");
        account.Await(next);
        return Results.Accepted($"/api/v1/accounts/{account.Id}", AccountViews.Checkpoint(account));
    }

    private static IResult Wrong(SandboxAccount account, PendingCheckpoint checkpoint, SandboxOptions options, string detail)
    {
        checkpoint.Attempts++;
        var remaining = Math.Max(0, options.MaxCheckpointAttempts - checkpoint.Attempts);
        if (remaining == 0)
            account.Fail(LoginFailure.TooManyAttempts);
        return UnipileErrors.Problem(StatusCodes.Status400BadRequest, UnipileErrors.InvalidCheckpointSolution, "Invalid checkpoint solution",
            remaining == 0 ? detail + " No attempts are left; the login failed." : detail,
            new Dictionary<string, object?> { ["attempts"] = checkpoint.Attempts, ["remaining_attempts"] = remaining });
    }

    [GeneratedRegex(@"^\(\+\d{1,4}\)\d{4,14}$")]
    private static partial Regex PhoneNumber();
}
