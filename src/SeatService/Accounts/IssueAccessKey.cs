using Outreach.EventSourcing;
using Outreach.SeatService.Auth;

namespace Outreach.SeatService.Accounts;

/// <summary>
/// POST /admin/accounts/{account_id}/access-keys → 201 {"key_id","access_key","secret"}.
/// The access key and secret are returned this once; the log and the read table keep only their hashes.
/// </summary>
public static class IssueAccessKey
{
    public sealed record Response(string KeyId, string AccessKey, string Secret);

    public static async Task<IResult> Handle(string accountId, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var account = await session.Events.FetchForWriting<Account>(accountId, ct);
        if (account.Aggregate is null)
            return Problems.NotFound("account");

        var issued = Issue(accountId, clock.GetUtcNow(), out var response);
        // A fresh random id; checked anyway, because a repeated one would revive a revoked key.
        if (!account.Aggregate.CanIssue(issued.KeyId))
            throw new InvalidOperationException("A new key id collided with an existing one.");
        account.AppendOne(issued);
        await session.SaveChangesAsync(ct);
        return Results.Created($"/admin/accounts/{accountId}/access-keys/{response.KeyId}", response);
    }

    /// <summary>Makes a new key id, access key and secret, and the event that records their hashes.</summary>
    public static AccessKeyIssued Issue(string accountId, DateTimeOffset now, out Response response)
    {
        var keyId = Secrets.NewId(Secrets.KeyIdPrefix);
        var accessKey = Secrets.NewAccessKey();
        var secret = Secrets.NewSecret();
        response = new Response(keyId, accessKey, secret);
        return new AccessKeyIssued(accountId, keyId, Secrets.Hash(accessKey), Secrets.Hash(secret), now);
    }
}
