using Outreach.EventSourcing;
using Outreach.IdentityService.LinkedIn;
using Outreach.IdentityService.PersonalData;

namespace Outreach.IdentityService.Identities;

/// <summary>
/// Which identity events leave the service as integration messages. Sealed fields never do; LinkedInConnected carries
/// the profile's name and URL in the clear because seat-service shows them, unsealed here in the relay's transaction.
/// </summary>
public static class IdentityRelay
{
    public static void Configure(RelayOptions relay)
    {
        ArgumentNullException.ThrowIfNull(relay);
        relay.Map<IdentityCreated>((e, _) => new Contracts.IdentityCreated(e.IdentityId, e.AccountId, e.KeyId, e.SeatId, e.CreatedAt));
        relay.Map<IdentityDeleted>((e, _) => new Contracts.IdentityDeleted(e.IdentityId, e.AccountId, e.KeyId, e.SeatId, e.DeletedAt));
        relay.Map<LinkedInLoginRequested>((e, _) => new Contracts.LoginQueued(e.IdentityId, e.SessionId, e.KeyId, e.RequestedAt));
        relay.Map<LinkedInLoginFailed>((e, _) => new Contracts.LoginFailed(e.IdentityId, e.KeyId, e.SessionId, e.Reason, e.FailedAt));
        relay.Map<LinkedInSessionEnded>((e, _) => new Contracts.LinkedInDisconnected(e.IdentityId, e.AccountId, e.KeyId, e.SeatId, e.Reason, e.EndedAt));
        relay.MapAsync<LinkedInLoginSucceeded>(async (e, _, context) =>
            // No key: the identity was deleted before this went out; its IdentityDeleted follows, nothing to tell.
            await IdentityKeys.FindAsync(context, e.IdentityId) is { } key
                ? new Contracts.LinkedInConnected(e.IdentityId, e.AccountId, e.KeyId, e.SeatId, e.ProviderAccountId, e.ProfileId,
                    PersonalDataCipher.Decrypt(key, e.IdentityId, e.SealedName), PersonalDataCipher.Decrypt(key, e.IdentityId, e.SealedProfileUrl), e.ConnectedAt)
                : null);
    }
}
