namespace Outreach.SeatService.Seats;

// Every seat event names the account and key it happened under, so its integration message can say so without
// reading the stream again.

public sealed record SeatAdded(string SeatId, string AccountId, string KeyId, int DailyLimit, DateTimeOffset AddedAt);

/// <summary>The link's token is a secret: only its hash is kept. A newer link supersedes every older one.</summary>
public sealed record ConnectLinkIssued(string SeatId, string TokenHash, DateTimeOffset ExpiresAt, DateTimeOffset IssuedAt);

public sealed record SeatActivated(string SeatId, string AccountId, string KeyId, DateTimeOffset ActivatedAt);

public sealed record SeatSuspended(string SeatId, string AccountId, string KeyId, DateTimeOffset SuspendedAt);

public sealed record SeatUnsuspended(string SeatId, string AccountId, string KeyId, DateTimeOffset UnsuspendedAt);

public sealed record SeatMigrated(string SeatId, string AccountId, string FromKeyId, string ToKeyId, DateTimeOffset MigratedAt);

/// <summary>The "disconnect" action: the seat is deleted and leaves billing.</summary>
public sealed record SeatDisconnected(string SeatId, string AccountId, string KeyId, DateTimeOffset DisconnectedAt);

public sealed record SeatDailyLimitChanged(string SeatId, string AccountId, string KeyId, int DailyLimit, DateTimeOffset ChangedAt);
