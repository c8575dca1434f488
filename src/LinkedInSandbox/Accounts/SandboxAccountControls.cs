using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>
/// Sandbox-only control routes: what happens on LinkedIn's side, outside the provider API.
/// POST /api/v1/sandbox/accounts/{account_id}/revoke — the member logs out everywhere: status CREDENTIALS, the session token is dead.
/// POST /api/v1/sandbox/accounts/{account_id}/stop — the account is stopped: status STOPPED, the session kept (reconnect restarts it).
/// Both answer 200 Account.
/// </summary>
public static class SandboxAccountControls
{
    public static IResult Revoke(string accountId, AccountStore accounts) => Apply(accountId, accounts, account => account.Revoke());

    public static IResult Stop(string accountId, AccountStore accounts) => Apply(accountId, accounts, account => account.Stop());

    private static IResult Apply(string accountId, AccountStore accounts, Action<SandboxAccount> change)
    {
        if (accounts.Find(accountId) is not { } account)
            return UnipileErrors.AccountNotFound(accountId);
        lock (account.Gate)
        {
            account.Refresh(accounts.Clock.GetUtcNow(), accounts.Options);
            if (account.Status != SourceStatus.Ok && account.Status != SourceStatus.Stopped)
                return UnipileErrors.Problem(StatusCodes.Status409Conflict, "sandbox/no_session", "No session",
                    $"Only a connected account has a session (status {account.Status}).");
            change(account);
            return Results.Ok(AccountViews.Of(account));
        }
    }
}
