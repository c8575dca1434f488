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
/// A holder keeps the lock's connection and takes more from the same pool for its reads and commits, so the gates
/// held at once are capped well below the pool size: otherwise, with more senders busy than the pool has
/// connections, every holder could sit on one connection waiting for another, and nobody would progress.
/// </summary>
public sealed class SenderGate : IDisposable
{
    // At most this many connections of the pool at once per holder: the lock's, and one for the read or commit in
    // hand (sessions borrow a connection per operation and give it back at once).
    private const int ConnectionsPerHolder = 2;
    // Kept for what runs beside the sends: the relay's and the change listener's connections, the request routes.
    private const int ReservedConnections = 2;

    private readonly NpgsqlDataSource _db;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _holders;

    public SenderGate(NpgsqlDataSource db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
        MaxHolders = HoldersFor(new NpgsqlConnectionStringBuilder(db.ConnectionString).MaxPoolSize);
        _holders = new SemaphoreSlim(MaxHolders, MaxHolders);
    }

    /// <summary>How many gates this process holds at once at most.</summary>
    public int MaxHolders { get; }

    public void Dispose() => _holders.Dispose();

    public static int HoldersFor(int poolSize) => Math.Max(1, (poolSize - ReservedConnections) / ConnectionsPerHolder);

    /// <summary>The sender key: the seat when there is one (its daily limit is the seat's), else the identity.</summary>
    public static string KeyOf(string? seatId, string identityId) => seatId ?? identityId;

    public async Task<IAsyncDisposable> EnterAsync(string senderKey, CancellationToken ct)
    {
        var local = _local.GetOrAdd(senderKey, _ => new SemaphoreSlim(1, 1));
        await local.WaitAsync(ct);
        try
        {
            await _holders.WaitAsync(ct);
        }
        catch
        {
            local.Release();
            throw;
        }
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _db.OpenConnectionAsync(ct);
            var lockKey = LockKey(senderKey);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection))
            {
                command.Parameters.AddWithValue(lockKey);
                await command.ExecuteNonQueryAsync(ct);
            }
            return new Held(local, _holders, connection, lockKey);
        }
        catch
        {
            if (connection is not null)
                await connection.DisposeAsync();
            _holders.Release();
            local.Release();
            throw;
        }
    }

    private static long LockKey(string senderKey) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("invitation-sender|" + senderKey)), 0);

    private sealed class Held(SemaphoreSlim local, SemaphoreSlim holders, NpgsqlConnection connection, long lockKey) : IAsyncDisposable
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
                holders.Release();
                local.Release();
            }
        }
    }
}
