using Outreach.EventSourcing;
using Outreach.InvitationService.Invitations;

namespace Outreach.InvitationService.EventStore;

/// <summary>Which invitation events leave the service as integration messages. None carries a message text or a name.</summary>
public static class InvitationRelay
{
    public static void Configure(RelayOptions relay)
    {
        ArgumentNullException.ThrowIfNull(relay);
        relay.Map<InvitationSent>((e, _) => new Contracts.InvitationSent(e.InvitationId, e.AccountId, e.KeyId, e.SeatId, e.ProviderAccountId, e.SentAt));
        relay.Map<InvitationFailed>((e, _) => new Contracts.InvitationFailed(e.InvitationId, e.AccountId, e.KeyId, e.SeatId, e.Reason, e.Type, e.FailedAt));
        relay.Map<InvitationAccepted>((e, _) => new Contracts.InvitationAccepted(e.InvitationId, e.AccountId, e.KeyId, e.SeatId, e.ProviderAccountId, e.AcceptedAt));
    }
}
