using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>What a connected account is, read once under its gate, so a route can work on it without holding the gate.</summary>
public sealed record ConnectedAccount(string Id, string MemberId, string Username);

/// <summary>
/// The account_id every user route names: missing → 400, unknown → 404, not OK → 401 errors/disconnected_account.
/// One place, so the profile and invitation routes refuse the same way and in the same order.
/// </summary>
public static class ConnectedAccounts
{
    public static (IResult? Error, ConnectedAccount? Account) Find(string? accountId, AccountStore accounts)
    {
        if (string.IsNullOrEmpty(accountId))
            return (UnipileErrors.InvalidParameter("account_id is required."), null);
        if (accounts.Find(accountId) is not { } account)
            return (UnipileErrors.AccountNotFound(accountId), null);
        lock (account.Gate)
        {
            if (account.Status != SourceStatus.Ok)
                return (UnipileErrors.Problem(StatusCodes.Status401Unauthorized, UnipileErrors.DisconnectedAccount, "Disconnected account",
                    $"The account is not connected (status {account.Status})."), null);
            return (null, new ConnectedAccount(account.Id, account.MemberId, account.Username));
        }
    }
}
