using Outreach.EventSourcing;

namespace Outreach.IdentityService.Identities;

/// <summary>Which identity events leave the service as integration messages. Sealed personal fields never do.</summary>
public static class IdentityRelay
{
    public static void Configure(RelayOptions relay)
    {
        ArgumentNullException.ThrowIfNull(relay);
        relay.Map<IdentityCreated>((e, _) => new Contracts.IdentityCreated(e.IdentityId, e.AccountId, e.KeyId, e.SeatId, e.CreatedAt));
        relay.Map<IdentityDeleted>((e, _) => new Contracts.IdentityDeleted(e.IdentityId, e.AccountId, e.KeyId, e.SeatId, e.DeletedAt));
    }
}
