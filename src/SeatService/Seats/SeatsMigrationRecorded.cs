namespace Outreach.SeatService.Seats;

/// <summary>
/// One event for a whole migrate request, on its own stream, so the move is published as one UserMigrated message.
/// Each seat's stream also gets its SeatMigrated event in the same transaction.
/// </summary>
public sealed record SeatsMigrationRecorded(string MigrationId, IReadOnlyList<string> SeatIds, string AccountId, string FromKeyId, string ToKeyId, DateTimeOffset MigratedAt);
