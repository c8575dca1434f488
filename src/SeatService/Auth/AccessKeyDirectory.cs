using Npgsql;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Auth;

/// <summary>
/// Resolves presented credentials against the access_keys read table. Revoked keys are not found. The account's
/// rate-limit override is read in the same query, so limiting a request costs no lookup of its own.
/// </summary>
public sealed class AccessKeyDirectory(NpgsqlDataSource db)
{
    public async Task<CallerKey?> FindAsync(PresentedCredentials presented, CancellationToken ct)
    {
        if (presented.AccessKey is { } accessKey)
        {
            if (!accessKey.StartsWith(Secrets.AccessKeyPrefix, StringComparison.Ordinal))
                return null;
            await using var command = db.CreateCommand(
                """
                SELECT k.account_id, k.key_id, k.access_key_hash, a.requests_per_minute
                FROM access_keys k LEFT JOIN accounts a ON a.account_id = k.account_id
                WHERE k.access_key_hash = $1 AND k.revoked_at IS NULL
                """);
            command.Parameters.AddWithValue(Secrets.Hash(accessKey));
            return await ReadAsync(command, accessKey, ct);
        }

        if (presented is { KeyId: { } keyId, Secret: { } secret })
        {
            await using var command = db.CreateCommand(
                """
                SELECT k.account_id, k.key_id, k.secret_hash, a.requests_per_minute
                FROM access_keys k LEFT JOIN accounts a ON a.account_id = k.account_id
                WHERE k.key_id = $1 AND k.revoked_at IS NULL
                """);
            command.Parameters.AddWithValue(keyId);
            return await ReadAsync(command, secret, ct);
        }

        return null;
    }

    /// <summary>Finds a live key of any account by its access key (migrate names its target this way).</summary>
    public Task<CallerKey?> FindByAccessKeyAsync(string accessKey, CancellationToken ct) =>
        FindAsync(new PresentedCredentials(accessKey, null, null), ct);

    private static async Task<CallerKey?> ReadAsync(NpgsqlCommand command, string presentedSecret, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return null;
        // The lookup already matched on the hash; the constant-time comparison keeps timing independent of the value.
        return Secrets.HashMatches(presentedSecret, reader.GetString(2))
            ? new CallerKey(reader.GetString(0), reader.GetString(1)) { RequestsPerMinute = reader.IsDBNull(3) ? null : reader.GetInt32(3) }
            : null;
    }
}
