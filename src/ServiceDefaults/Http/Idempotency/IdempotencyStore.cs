using Npgsql;

namespace Outreach.ServiceDefaults.Http.Idempotency;

/// <summary>
/// Idempotency keys in the service's own database. A key is scoped to the caller (an access key or the operator), so
/// two tenants may use the same key without meeting. The claim is one atomic statement: of two concurrent requests
/// with one key, exactly one runs. Rows hold a hash of the key and a sealed body (<see cref="IdempotencySeal"/>): an
/// answer may carry a new secret, and the database must not.
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<IdempotencyOptions> options)
{
    // Additive and idempotent: it runs at every start and never changes what exists.
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            scope text NOT NULL,
            key text NOT NULL,
            fingerprint bytea NOT NULL,
            created_at timestamptz NOT NULL,
            status_code int,
            content_type text,
            location text,
            body bytea,
            PRIMARY KEY (scope, key));
        CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys (created_at);
        """;

    private volatile bool _schemaReady;

    /// <summary>Creates the table once per process; a request that arrives first creates it itself.</summary>
    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        if (_schemaReady)
            return;
        await using var command = db.CreateCommand(Schema);
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateObject)
        {
            // Another replica created it at the same moment (IF NOT EXISTS is not atomic across sessions).
        }
        _schemaReady = true;
    }

    public async Task<IdempotencyClaim> ClaimAsync(string scope, string key, byte[] fingerprint, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct);
        var rowKey = IdempotencySeal.RowKey(scope, key);
        var now = clock.GetUtcNow();
        // A new key is inserted; an expired one is taken over; a live one is left alone and read below.
        await using (var claim = db.CreateCommand("""
            INSERT INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (scope, key) DO UPDATE
                SET fingerprint = excluded.fingerprint, created_at = excluded.created_at,
                    status_code = NULL, content_type = NULL, location = NULL, body = NULL
                WHERE idempotency_keys.created_at < $5
            RETURNING true
            """))
        {
            claim.Parameters.AddWithValue(scope);
            claim.Parameters.AddWithValue(rowKey);
            claim.Parameters.AddWithValue(fingerprint);
            claim.Parameters.AddWithValue(now);
            claim.Parameters.AddWithValue(now - options.Value.Retention);
            if (await claim.ExecuteScalarAsync(ct) is true)
                return new IdempotencyClaim.Claimed();
        }

        await using var read = db.CreateCommand(
            "SELECT fingerprint, status_code, content_type, location, body FROM idempotency_keys WHERE scope = $1 AND key = $2");
        read.Parameters.AddWithValue(scope);
        read.Parameters.AddWithValue(rowKey);
        await using var reader = await read.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return new IdempotencyClaim.InProgress(); // released between the two statements: the client may retry
        if (!reader.GetFieldValue<byte[]>(0).AsSpan().SequenceEqual(fingerprint))
            return new IdempotencyClaim.Mismatch();
        if (reader.IsDBNull(1))
            return new IdempotencyClaim.InProgress();
        // The fingerprint matched, so the caller holds the key the body was sealed with.
        var body = reader.IsDBNull(4) ? [] : IdempotencySeal.Open(scope, key, reader.GetFieldValue<byte[]>(4)) ?? [];
        return new IdempotencyClaim.Replay(new StoredResponse(
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            body));
    }

    public async Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            "UPDATE idempotency_keys SET status_code = $3, content_type = $4, location = $5, body = $6 WHERE scope = $1 AND key = $2");
        command.Parameters.AddWithValue(scope);
        command.Parameters.AddWithValue(IdempotencySeal.RowKey(scope, key));
        command.Parameters.AddWithValue(response.StatusCode);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)response.ContentType ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)response.Location ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(IdempotencySeal.Seal(scope, key, response.Body));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The request failed on our side (5xx or an exception): the key is forgotten so a retry can run.</summary>
    public async Task ReleaseAsync(string scope, string key, CancellationToken ct)
    {
        await using var command = db.CreateCommand("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status_code IS NULL");
        command.Parameters.AddWithValue(scope);
        command.Parameters.AddWithValue(IdempotencySeal.RowKey(scope, key));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand("DELETE FROM idempotency_keys WHERE created_at < $1");
        command.Parameters.AddWithValue(clock.GetUtcNow() - options.Value.Retention);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
