using System.Security.Cryptography;
using System.Text;
using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>
/// POST /api/v1/accounts/{account_id}/reconnect {"session_token"} → 201 AccountCreated: re-authenticates from a stored
/// session (after a restart of ours, or a STOPPED account), without credentials or checkpoints. The session must still
/// be alive: after a revoke it answers 401 errors/expired_credentials, for a token it never issued 401 errors/invalid_credentials.
/// </summary>
public static class ReconnectAccount
{
    public sealed record Request(string? SessionToken);

    public static IResult Handle(string accountId, Request? request, AccountStore accounts)
    {
        var token = request?.SessionToken;
        if (string.IsNullOrEmpty(token))
            return UnipileErrors.InvalidParameter("session_token is required.");
        if (accounts.Find(accountId) is not { } account)
            return UnipileErrors.AccountNotFound(accountId);

        lock (account.Gate)
        {
            account.Refresh(accounts.Clock.GetUtcNow(), accounts.Options);
            if (account.WasRetired(token))
                return UnipileErrors.Problem(StatusCodes.Status401Unauthorized, UnipileErrors.ExpiredCredentials, "Expired credentials",
                    "This session has ended on LinkedIn; log in again with credentials.");
            if (account.SessionToken is null || !Same(account.SessionToken, token))
                return UnipileErrors.Problem(StatusCodes.Status401Unauthorized, UnipileErrors.InvalidCredentials, "Invalid credentials",
                    "The session token is not valid for this account.");

            account.Connect();
            return Results.Created($"/api/v1/accounts/{account.Id}", new AccountCreated(account.Id, account.SessionToken));
        }
    }

    private static bool Same(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
