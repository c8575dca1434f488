using System.Data;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Seats;

/// <summary>
/// /user-list's answers, serialised once per (key, status filter, UTC day) and served again while the key's
/// seat_list_versions number is unchanged: a key with 10,000 seats costs one indexed lookup per request instead of
/// reading and serialising 10,000 rows. The version and the rows are read in one REPEATABLE READ snapshot, so an
/// answer is never tagged with a version newer than what it shows. Bounded in bytes; the least recently used go first.
/// </summary>
public sealed class UserListCache(NpgsqlDataSource db, IOptions<JsonOptions> json) : IDisposable
{
    /// <summary>About 50 keys of 10,000 seats each.</summary>
    private const long SizeLimitBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    private sealed record Entry(long Version, byte[] Body);

    private readonly record struct Key(string KeyId, string AccountId, string? Status, DateOnly Day);

    public async Task<byte[]> GetAsync(CallerKey caller, string? status, DateOnly today, CancellationToken ct)
    {
        var key = new Key(caller.KeyId, caller.AccountId, status, today);
        await using var connection = await db.OpenConnectionAsync(ct);
        if (_answers.TryGetValue(key, out Entry? cached) && cached!.Version == await VersionAsync(connection, null, caller.KeyId, ct))
            return cached.Body;

        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var version = await VersionAsync(connection, transaction, caller.KeyId, ct);
        var answer = await UserList.ReadAsync(connection, transaction, caller, status, today, ct);
        await transaction.CommitAsync(ct);
        var body = JsonSerializer.SerializeToUtf8Bytes(answer, json.Value.SerializerOptions);
        _answers.Set(key, new Entry(version, body), new MemoryCacheEntryOptions { Size = body.Length + 64, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return body;
    }

    private static async Task<long> VersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string keyId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM seat_list_versions WHERE key_id = $1", connection, transaction);
        command.Parameters.AddWithValue(keyId);
        return await command.ExecuteScalarAsync(ct) is long version ? version : 0;
    }

    public void Dispose() => _answers.Dispose();
}
