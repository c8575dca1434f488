using System.Text.Json.Serialization;
using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>DELETE /api/v1/accounts/{account_id} → 200 AccountDeleted: logs out and forgets the account; its session token dies with it.</summary>
public static class DeleteAccount
{
    public sealed record Response(string AccountId)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "AccountDeleted";
    }

    public static IResult Handle(string accountId, AccountStore accounts)
    {
        if (accounts.Find(accountId) is not { } account)
            return UnipileErrors.AccountNotFound(accountId);
        lock (account.Gate)
        {
            account.RetireSession();
            accounts.Remove(accountId);
        }

        return Results.Ok(new Response(accountId));
    }
}
