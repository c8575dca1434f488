using Outreach.EventSourcing;

namespace Outreach.IdentityService.LinkedIn;

/// <summary>
/// A key per login session (PersonalDataCipher), outside the log: it seals the credentials while they wait for the
/// worker and the provider's session token afterwards. Ending the session or deleting the identity destroys the keys,
/// after which no copy of the token in the log can be opened.
/// </summary>
public static class LoginKeys
{
    public const string Migration = """
        CREATE TABLE login_keys (
            session_id text PRIMARY KEY,
            identity_id text NOT NULL,
            key bytea NOT NULL,
            created_at timestamptz NOT NULL);
        CREATE INDEX login_keys_by_identity ON login_keys (identity_id);
        CREATE TABLE login_credentials (
            session_id text PRIMARY KEY,
            identity_id text NOT NULL,
            sealed_username text NOT NULL,
            sealed_password text NOT NULL,
            expires_at timestamptz NOT NULL);
        """;

    public static void Store(IDocumentSession session, string identityId, string sessionId, byte[] key, DateTimeOffset now) =>
        session.QueueSqlCommand("INSERT INTO login_keys (session_id, identity_id, key, created_at) VALUES ($1, $2, $3, $4)", sessionId, identityId, key, now);

    /// <summary>The credentials wait sealed, and only until the attempt is made or the login expires.</summary>
    public static void StoreCredentials(IDocumentSession session, string identityId, string sessionId, byte[] key,
        string username, string password, DateTimeOffset expiresAt) =>
        session.QueueSqlCommand(
            "INSERT INTO login_credentials (session_id, identity_id, sealed_username, sealed_password, expires_at) VALUES ($1, $2, $3, $4, $5)",
            sessionId, identityId, PersonalDataCipher.Encrypt(key, sessionId, username), PersonalDataCipher.Encrypt(key, sessionId, password), expiresAt);

    public static void ForgetCredentials(IDocumentSession session, string sessionId) =>
        session.QueueSqlCommand("DELETE FROM login_credentials WHERE session_id = $1", sessionId);

    /// <summary>Every key of the identity except <paramref name="keep"/> (the stored session's, when it stays).</summary>
    public static void DestroyAll(IDocumentSession session, string identityId, string? keep = null)
    {
        session.QueueSqlCommand("DELETE FROM login_credentials WHERE identity_id = $1 AND session_id IS DISTINCT FROM $2::text", identityId, keep);
        session.QueueSqlCommand("DELETE FROM login_keys WHERE identity_id = $1 AND session_id IS DISTINCT FROM $2::text", identityId, keep);
    }

    public static async Task<byte[]?> FindAsync(IQuerySession session, string sessionId, CancellationToken ct)
    {
        var keys = await session.QueryAsync("SELECT key FROM login_keys WHERE session_id = $1", [sessionId], r => r.GetFieldValue<byte[]>(0), ct);
        return keys.Count == 0 ? null : keys[0];
    }

    /// <summary>The login's credentials, opened with its key (read with them in one query); null once either is gone.</summary>
    public static async Task<(string Username, string Password)?> FindCredentialsAsync(IQuerySession session, string sessionId, CancellationToken ct)
    {
        var rows = await session.QueryAsync(
            "SELECT k.key, c.sealed_username, c.sealed_password FROM login_credentials c JOIN login_keys k USING (session_id) WHERE c.session_id = $1",
            [sessionId], r => (Key: r.GetFieldValue<byte[]>(0), Username: r.GetString(1), Password: r.GetString(2)), ct);
        if (rows.Count == 0)
            return null;
        var (key, username, password) = rows[0];
        return (PersonalDataCipher.Decrypt(key, sessionId, username), PersonalDataCipher.Decrypt(key, sessionId, password));
    }
}
