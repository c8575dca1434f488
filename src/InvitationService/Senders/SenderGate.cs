using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Outreach.InvitationService.Senders;

/// <summary>
/// One sender at a time: a send holds its sender's gate from the last look at whether it may send until its outcome
/// is recorded, and the consumers that stop a sender (SeatSuspended, LinkedInDisconnected, SeatDisconnected) take the
/// same gate around their commit. So once such a consumer has run, no send of that sender is in flight and none can
/// start without seeing the stop. A PostgreSQL session advisory lock makes it hold across replicas; a local semaphore
/// in front of it keeps one process's waiters from each holding a pooled connection.
/// </summary>
public sealed class SenderGate(NpgsqlDataSource db)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);

    /// <summary>The sender key: the seat when there is one (its daily limit is the seat's), else the identity.</summary>
    public static string KeyOf(string? seatId, string identityId) => seatId ?? identityId;

    public async Task<IAsyncDisposable> EnterAsync(string senderKey, CancellationToken ct)
    {
        var local = _local.GetOrAdd(senderKey, _ => new SemaphoreSlim(1, 1));
        await local.WaitAsync(ct);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await db.OpenConnectionAsync(ct);
            var lockKey = LockKey(senderKey);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection))
            {
                command.Parameters.AddWithValue(lockKey);
                await command.ExecuteNonQueryAsync(ct);
            }
            return new Held(local, connection, lockKey);
        }
        catch
        {
            if (connection is not null)
                await connection.DisposeAsync();
            local.Release();
            throw;
        }
    }

    private static long LockKey(string senderKey) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("invitation-sender|" + senderKey)), 0);

    private sealed class Held(SemaphoreSlim local, NpgsqlConnection connection, long lockKey) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                command.Parameters.AddWithValue(lockKey);
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and the server released the lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
                local.Release();
            }
        }
    }
}
