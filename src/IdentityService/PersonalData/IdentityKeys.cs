using Outreach.EventSourcing;

namespace Outreach.IdentityService.PersonalData;

/// <summary>
/// The per-identity keys, in a table outside the event log (it must be deletable). Keys are written and destroyed in
/// the same unit of work as the identity's events, so an identity never exists without its key.
/// </summary>
public static class IdentityKeys
{
    public const string Migration = """
        CREATE TABLE identity_keys (
            identity_id text PRIMARY KEY,
            key bytea NOT NULL,
            created_at timestamptz NOT NULL);
        """;

    public static void Store(IDocumentSession session, string identityId, byte[] key, DateTimeOffset now) =>
        session.QueueSqlCommand("INSERT INTO identity_keys (identity_id, key, created_at) VALUES ($1, $2, $3)", identityId, key, now);

    public static void Destroy(IDocumentSession session, string identityId) =>
        session.QueueSqlCommand("DELETE FROM identity_keys WHERE identity_id = $1", identityId);

    /// <summary>The key, read in the projection's own transaction; null once the identity was deleted.</summary>
    public static async Task<byte[]?> FindAsync(SqlContext context, string identityId)
    {
        await using var command = context.CreateCommand("SELECT key FROM identity_keys WHERE identity_id = $1", identityId);
        return await command.ExecuteScalarAsync(context.CancellationToken) as byte[];
    }

    public static async Task<byte[]?> FindAsync(IQuerySession session, string identityId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var keys = await session.QueryAsync("SELECT key FROM identity_keys WHERE identity_id = $1", [identityId],
            reader => reader.GetFieldValue<byte[]>(0), ct);
        return keys.Count == 0 ? null : keys[0];
    }
}
