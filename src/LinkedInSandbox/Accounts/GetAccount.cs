using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>
/// GET /api/v1/accounts/{account_id} → 200 Account. sources[0].status is OK, CONNECTING (waiting on a checkpoint),
/// CREDENTIALS (re-authentication required), ERROR (the login failed) or STOPPED. Polling it finds an in-app approval.
/// </summary>
public static class GetAccount
{
    public static IResult Handle(string accountId, AccountStore accounts)
    {
        if (accounts.Find(accountId) is not { } account)
            return UnipileErrors.AccountNotFound(accountId);
        lock (account.Gate)
        {
            account.Refresh(accounts.Clock.GetUtcNow(), accounts.Options);
            return Results.Ok(AccountViews.Of(account));
        }
    }
}
