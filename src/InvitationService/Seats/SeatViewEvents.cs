namespace Outreach.InvitationService.Seats;

// invitation-service's own record of what seat-service told it, one stream per seat (seat-<seat id>). The times are
// seat-service's, so a message that arrives late (each type has its own queue) never overrides a newer one.

/// <summary>invitation-service's record that a seat it knows of was suspended (from seat-service's SeatSuspended).</summary>
public sealed record SeatSuspensionApplied(string SeatId, string AccountId, string KeyId, DateTimeOffset SuspendedAt);

/// <summary>From SeatAdded: a seat exists, pending, with its daily limit.</summary>
public sealed record SeatAddedApplied(string SeatId, string AccountId, string KeyId, int DailyLimit, DateTimeOffset AddedAt);

/// <summary>From SeatActivated, SeatUnsuspended and SeatDisconnected: the seat's status ("active", "pending", "deleted").</summary>
public sealed record SeatStatusApplied(string SeatId, string AccountId, string KeyId, string Status, DateTimeOffset ChangedAt);

/// <summary>From SeatDailyLimitChanged.</summary>
public sealed record SeatDailyLimitApplied(string SeatId, string AccountId, string KeyId, int DailyLimit, DateTimeOffset ChangedAt);

/// <summary>From UserMigrated: the seat, its sending account and its invitations now live under ToKeyId.</summary>
public sealed record SeatMigrationApplied(string SeatId, string AccountId, string FromKeyId, string ToKeyId, DateTimeOffset MigratedAt);

/// <summary>From SeatWorkingHoursChanged: queued sends go out only inside this window (already validated).</summary>
public sealed record SeatWorkingHoursApplied(string SeatId, string AccountId, string KeyId, string TimeZone, int StartMinute, int EndMinute,
    int[]? Days, DateTimeOffset ChangedAt);
