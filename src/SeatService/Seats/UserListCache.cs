using System.Data;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Seats;

/// <summary>
/// /user-list's answers, serialised once per (key, status filter, UTC day) and served again while nothing under the
/// key changed (<see cref="SeatListVersions"/>): a key with 10,000 seats costs one indexed check per request instead
/// of reading and serialising 10,000 rows. Bounded in bytes; the least recently used go first.
/// </summary>
public sealed class UserListCache(NpgsqlDataSource db, IOptions<JsonOptions> json) : IDisposable
{
    /// <summary>About 50 keys of 10,000 seats each.</summary>
    private const long SizeLimitBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    private sealed record Entry(string Snapshot, long Rows, byte[] Body);

    private readonly record struct Key(string KeyId, string AccountId, string? Status, DateOnly Day);

    public async Task<byte[]> GetAsync(CallerKey caller, string? status, DateOnly today, CancellationToken ct)
    {
        var key = new Key(caller.KeyId, caller.AccountId, status, today);
        await using var connection = await db.OpenConnectionAsync(ct);
        if (_answers.TryGetValue(key, out Entry? cached) && await IsCurrentAsync(connection, caller.KeyId, cached!, ct))
            return cached!.Body;

        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        string snapshot;
        long rows;
        await using (var command = new NpgsqlCommand(SeatListVersions.Snapshot, connection, transaction))
        {
            command.Parameters.AddWithValue(caller.KeyId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (snapshot, rows) = (reader.GetString(0), reader.GetInt64(1));
        }
        var answer = await UserList.ReadAsync(connection, transaction, caller, status, today, ct);
        await transaction.CommitAsync(ct);
        var body = JsonSerializer.SerializeToUtf8Bytes(answer, json.Value.SerializerOptions);
        _answers.Set(key, new Entry(snapshot, rows, body), new MemoryCacheEntryOptions { Size = body.Length + 64, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return body;
    }

    private static async Task<bool> IsCurrentAsync(NpgsqlConnection connection, string keyId, Entry entry, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(SeatListVersions.Check, connection);
        command.Parameters.AddWithValue(keyId);
        command.Parameters.AddWithValue(entry.Snapshot);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0) == entry.Rows && !reader.GetBoolean(1);
    }

    public void Dispose() => _answers.Dispose();
}
