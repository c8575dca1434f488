using Outreach.EventSourcing;
using Outreach.SeatService.Accounts;
using Outreach.SeatService.Seats;

namespace Outreach.SeatService.EventStore;

/// <summary>Which events leave seat-service as integration messages (Outreach.Contracts). None carries a secret.</summary>
public static class SeatRelay
{
    public static void Configure(RelayOptions relay)
    {
        ArgumentNullException.ThrowIfNull(relay);
        relay.Map<SeatAdded>((e, _) => new Contracts.SeatAdded(e.SeatId, e.AccountId, e.KeyId, e.DailyLimit, e.AddedAt));
        relay.Map<SeatActivated>((e, _) => new Contracts.SeatActivated(e.SeatId, e.AccountId, e.KeyId, e.ActivatedAt));
        relay.Map<SeatSuspended>((e, _) => new Contracts.SeatSuspended(e.SeatId, e.AccountId, e.KeyId, e.SuspendedAt));
        relay.Map<SeatUnsuspended>((e, _) => new Contracts.SeatUnsuspended(e.SeatId, e.AccountId, e.KeyId, e.UnsuspendedAt));
        relay.Map<SeatDisconnected>((e, _) => new Contracts.SeatDisconnected(e.SeatId, e.AccountId, e.KeyId, e.DisconnectedAt));
        relay.Map<SeatDailyLimitChanged>((e, _) => new Contracts.SeatDailyLimitChanged(e.SeatId, e.AccountId, e.KeyId, e.DailyLimit, e.ChangedAt));
        // Profile Settings' window, every day of the week (the wizard does not ask for days).
        relay.Map<Connect.SeatWorkingHoursSet>((e, _) => new Contracts.SeatWorkingHoursChanged(e.SeatId, e.AccountId, e.KeyId, e.TimeZone,
            e.StartMinute, e.EndMinute, null, e.ChangedAt));
        // Services that cache key checks evict the key on this (AddRemoteAccessKeyAuthentication); ids only, no hash.
        relay.Map<AccessKeyRevoked>((e, _) => new Contracts.AccessKeyRevoked(e.AccountId, e.KeyId, e.RevokedAt));
        // One message per migrate request, from the request's own record; the per-seat SeatMigrated events stay inside.
        relay.Map<SeatsMigrationRecorded>((e, _) => new Contracts.UserMigrated(e.MigrationId, e.SeatIds, e.AccountId, e.FromKeyId, e.ToKeyId, e.MigratedAt));
    }
}
