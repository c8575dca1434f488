using Outreach.ServiceDefaults.Auth;
using Outreach.EventSourcing;

namespace Outreach.IdentityService.Identities;

/// <summary>Loads an identity for writing only if it lives under the caller's key; anything else is "not found".</summary>
public static class TenantIdentities
{
    public static async Task<IEventStream<Identity>?> LoadAsync(IDocumentSession session, string? identityId, CallerKey caller, CancellationToken ct)
    {
        if (!IdentityFields.IsIdentityId(identityId))
            return null;
        var stream = await session.Events.FetchForWriting<Identity>(identityId!, ct);
        return stream.Aggregate is { IsDeleted: false } identity && identity.KeyId == caller.KeyId && identity.AccountId == caller.AccountId
            ? stream
            : null;
    }
}
