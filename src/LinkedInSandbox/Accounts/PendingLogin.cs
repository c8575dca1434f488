using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>What the checkpoint routes share: finding the login and refusing when nothing is waiting on a checkpoint.</summary>
public static class PendingLogin
{
    /// <summary>Null when the account waits on a checkpoint; otherwise the error to answer. Call under the account's gate.</summary>
    public static IResult? RefuseUnlessPending(SandboxAccount account)
    {
        if (account.Status == SourceStatus.Connecting && account.Checkpoint is not null)
            return null;
        return account.Failure switch
        {
            LoginFailure.Expired => UnipileErrors.Problem(StatusCodes.Status408RequestTimeout, UnipileErrors.CheckpointExpired, "Checkpoint expired",
                "The authentication intent has expired; start the login again."),
            LoginFailure.Captcha => CheckpointError("The captcha could not be solved; the login failed. Start it again."),
            LoginFailure.TooManyAttempts => CheckpointError("Too many wrong codes; the login failed. Start it again."),
            _ => CheckpointError($"No checkpoint is pending on this account (status {account.Status})."),
        };
    }

    public static IResult CheckpointError(string detail) =>
        UnipileErrors.Problem(StatusCodes.Status400BadRequest, UnipileErrors.CheckpointError, "Checkpoint error", detail);

    /// <summary>The provider and account_id every checkpoint body carries; an error, or the account.</summary>
    public static (IResult? Error, SandboxAccount? Account) Find(string? provider, string? accountId, AccountStore accounts)
    {
        if (provider != Providers.LinkedIn)
            return (UnipileErrors.InvalidParameter($"provider must be \"{Providers.LinkedIn}\"."), null);
        if (string.IsNullOrEmpty(accountId))
            return (UnipileErrors.InvalidParameter("account_id is required."), null);
        return accounts.Find(accountId) is { } account ? (null, account) : (UnipileErrors.AccountNotFound(accountId), null);
    }
}
