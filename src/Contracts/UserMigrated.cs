namespace Outreach.Contracts;

/// <summary>
/// Seats moved, all at once, from one access key to another of the same account. Their identities and invitations
/// follow; their LinkedIn connections are kept. One message per move.
/// </summary>
public sealed record UserMigrated(string MigrationId, IReadOnlyList<string> SeatIds, string AccountId, string FromKeyId, string ToKeyId, DateTimeOffset MigratedAt);
