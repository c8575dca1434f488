namespace Outreach.Contracts;

/// <summary>Seats moved from one access key to another under the same account; their identities and invitations follow, their LinkedIn connection is kept.</summary>
public sealed record UserMigrated(string SeatId, string AccountId, string FromKeyId, string ToKeyId, DateTimeOffset MigratedAt);
