using Outreach.EventSourcing;

namespace Outreach.InvitationService.Senders;

/// <summary>
/// Whether an identity message's account is the one sending_accounts knows, the way SeatTenancy asks it of seat
/// messages: a message naming another account's identity or LinkedIn account is forged or misrouted and changes
/// nothing. The account, not the key: an identity keeps its account for life, its key changes when its seat migrates.
/// </summary>
public static partial class SenderTenancy
{
    /// <summary>True when the identity has no sending account here yet, or has one under <paramref name="accountId"/>.</summary>
    public static async Task<bool> IsOfAccountAsync(IDocumentSession session, string identityId, string accountId, CancellationToken ct)
    {
        var known = await session.QueryAsync("SELECT account_id FROM sending_accounts WHERE identity_id = $1", [identityId], reader => reader.GetString(0), ct);
        return known.Count == 0 || known[0] == accountId;
    }

    /// <summary>
    /// True when no other account's live sending account sends from <paramref name="providerAccountId"/>. The provider
    /// gives each connection an account id of its own, so a second account claiming one would send as its owner.
    /// A deleted identity has given its LinkedIn account up.
    /// </summary>
    public static async Task<bool> IsProviderAccountFreeForAsync(IDocumentSession session, string providerAccountId, string accountId, CancellationToken ct)
    {
        var holders = await session.QueryAsync("SELECT account_id FROM sending_accounts WHERE provider_account_id = $1 AND account_id <> $2 AND NOT removed",
            [providerAccountId, accountId], reader => reader.GetString(0), ct);
        return holders.Count == 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {Message} for identity {IdentityId}: it names account {AccountId}, which does not hold {What}")]
    public static partial void LogForeignAccount(ILogger logger, string message, string identityId, string accountId, string what);
}
