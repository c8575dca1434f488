using Outreach.EventSourcing;

namespace Outreach.SeatService.Accounts;

/// <summary>DELETE /admin/accounts/{account_id}/access-keys/{key_id} → 204. The key fails from the next request on.</summary>
public static class RevokeAccessKey
{
    public static async Task<IResult> Handle(string accountId, string keyId, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var account = await session.Events.FetchForWriting<Account>(accountId, ct);
        if (account.Aggregate is null || !account.Aggregate.KeysRevoked.ContainsKey(keyId))
            return Problems.NotFound("access key");
        if (account.Aggregate.HasLiveKey(keyId))
        {
            account.AppendOne(new AccessKeyRevoked(accountId, keyId, clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
        }
        return Results.NoContent();
    }
}
