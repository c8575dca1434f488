using Outreach.EventSourcing;

namespace Outreach.SeatService.Accounts;

/// <summary>DELETE /admin/accounts/{account_id}/access-keys/{key_id} → 204. The key fails from the next request on.</summary>
public static class RevokeAccessKey
{
    public static async Task<IResult> Handle(string accountId, string keyId, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var account = await session.Events.FetchForWriting<Account>(accountId, ct);
        if (account.Aggregate?.Revoke(keyId, clock.GetUtcNow()) is not { } revoked)
            return Problems.NotFound("access key");
        if (revoked.Count > 0)
        {
            account.AppendMany(revoked);
            await session.SaveChangesAsync(ct);
        }
        return Results.NoContent();
    }
}
