using System.Diagnostics;
using Npgsql;

namespace Outreach.Load.Bench;

/// <summary>A killed replica: which, and how long until each subscription of its database moved again (ms; NaN: not within the patience).</summary>
internal sealed record FailoverResult(string Killed, double AtSeconds, Dictionary<string, double> ResumedMs);

/// <summary>
/// Kills replica 0 of every service in turn with SIGKILL partway through the mixed run (the AppHost restarts it) and
/// times, per subscription of the service's database, how long until it had handled everything committed at the kill:
/// with two replicas the other one takes the advisory lock over; with one, the restarted process does.
/// </summary>
internal static class Failover
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> DatabaseOf = new()
    {
        [LoadSystem.Seats] = "seatsdb",
        [LoadSystem.Identities] = "identitiesdb",
        [LoadSystem.Invitations] = "invitationsdb",
    };

    public static async Task<List<FailoverResult>> RunAsync(LoadSystem system, int replicas, TimeSpan after, CancellationToken stop)
    {
        var phase = Stopwatch.StartNew();
        try
        {
            await Task.Delay(after, stop);
        }
        catch (OperationCanceledException)
        {
            return [];
        }
        var results = new List<FailoverResult>();
        foreach (var service in LoadSystem.Services)
        {
            var instance = replicas > 1 ? $"{service}-0" : service;
            var pid = system.Processes().Single(p => p.Name == instance).Pid;
            var database = system.ConnectionString(DatabaseOf[service]);
            var clock = Stopwatch.StartNew();
            using (var process = Process.GetProcessById(pid))
                process.Kill();
            var newestAtKill = await NewestEventAsync(database);
            Console.WriteLine($"   killed {instance} (pid {pid}) with SIGKILL");
            results.Add(new FailoverResult(instance, phase.Elapsed.TotalSeconds, await ResumedAsync(database, newestAtKill, clock)));
            // One fault at a time: the next service's replica goes once this one is back in the rotation.
            await Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None);
        }
        return results;
    }

    /// <summary>
    /// Per subscription, ms until its checkpoint reached the newest event committed at the kill: everything accepted
    /// before the fault has been handled. (Timing the checkpoint's next move instead would also count the quiet when
    /// clients, refused during the fault, committed nothing new.)
    /// </summary>
    private static async Task<Dictionary<string, double>> ResumedAsync(string connectionString, long newestAtKill, Stopwatch clock)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var resumed = new Dictionary<string, double>();
        var names = new List<string>();
        await using (var list = source.CreateCommand("SELECT name FROM subscription_checkpoints"))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));
        while (resumed.Count < names.Count && clock.Elapsed < Patience)
        {
            try
            {
                await using var command = source.CreateCommand("SELECT name FROM subscription_checkpoints WHERE seq_id >= $1");
                command.Parameters.AddWithValue(newestAtKill);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    resumed.TryAdd(reader.GetString(0), clock.Elapsed.TotalMilliseconds);
            }
            catch (NpgsqlException)
            {
                // Under the fault the database may refuse or time out the harness too; it looks again.
            }
            await Task.Delay(20);
        }
        foreach (var name in names)
            resumed.TryAdd(name, double.NaN);
        return resumed;
    }

    private static async Task<long> NewestEventAsync(string connectionString)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("SELECT coalesce(max(seq_id), 0) FROM events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
