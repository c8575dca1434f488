using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Outreach.InvitationService.Bench;

/// <summary>What a drain measured: from the first batch's 202 until every invitation was sent (or the patience ran out).</summary>
internal sealed record Drain(int Queued, long Sent, long Failed, double Seconds, double QueueingSeconds, bool Complete, IReadOnlyList<string> Batches)
{
    public double Rate => Sent / Seconds;
}

/// <summary>
/// Figure 2: invitations queued by POST /v1/invitations/batch (one call per account) and sent by invitation-service's
/// paced sender with pacing off, counted in its database (invitation_list) until all are sent.
/// </summary>
internal static class DrainScenario
{
    public static async Task<List<string>> QueueAsync(IReadOnlyList<Sender> senders, int perAccount, int parallel, Action? onFirstAccepted = null)
    {
        var batches = new string[senders.Count];
        var first = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, senders.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
        {
            var invitations = Enumerable.Range(0, perAccount).Select(_ => new { public_identifier = Senders.NewPerson() }).ToArray();
            using var response = await senders[i].Invitations.PostAsJsonAsync(new Uri("/v1/invitations/batch", UriKind.Relative),
                new { account_id = senders[i].AccountId, invitations }, ct);
            // The answer's status line is what marks the start; the body is read (and checked) after.
            if (response.StatusCode == HttpStatusCode.Accepted && Interlocked.Exchange(ref first, 1) == 0)
                onFirstAccepted?.Invoke();
            var body = await Http.ReadAsync(response, HttpStatusCode.Accepted, "queue batch");
            if (body.GetProperty("queued").GetInt32() != perAccount)
                throw new InvalidOperationException($"batch queued {body.GetProperty("queued")}, not {perAccount}");
            batches[i] = body.GetProperty("batch_id").GetString()!;
        });
        return [.. batches];
    }

    /// <summary>Queues <paramref name="perAccount"/> invitations on every sender and waits until all are sent.</summary>
    public static async Task<Drain> RunAsync(InvitationSystem system, IReadOnlyList<Sender> senders, int perAccount, int parallel, TimeSpan patience)
    {
        var clock = new Stopwatch();
        var queueing = Stopwatch.StartNew();
        var batches = await QueueAsync(senders, perAccount, parallel, () => clock.Start());
        var queueingSeconds = queueing.Elapsed.TotalSeconds;
        var total = senders.Count * perAccount;
        long sent = 0, failed = 0;
        var lastPrint = TimeSpan.Zero;
        while (true)
        {
            (sent, failed) = await CountAsync(system, batches);
            if (sent + failed >= total || clock.Elapsed > patience)
                break;
            if (clock.Elapsed - lastPrint >= TimeSpan.FromSeconds(5))
            {
                lastPrint = clock.Elapsed;
                Console.WriteLine($"    {clock.Elapsed.TotalSeconds:0} s: {sent:N0} sent, {failed:N0} failed of {total:N0}");
            }
            await Task.Delay(20);
        }
        clock.Stop();
        return new Drain(total, sent, failed, clock.Elapsed.TotalSeconds, queueingSeconds, sent == total, batches);
    }

    public static async Task<(long Sent, long Failed)> CountAsync(InvitationSystem system, IReadOnlyList<string> batches)
    {
        await using var command = system.Invitations.CreateCommand(
            "SELECT count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE status = 'failed') FROM invitation_list WHERE batch_id = ANY($1)");
        command.Parameters.AddWithValue(batches.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>What other statuses the batches' invitations stand at (for the notes when a drain did not complete).</summary>
    public static async Task<string> StatusesAsync(InvitationSystem system, IReadOnlyList<string> batches)
    {
        await using var command = system.Invitations.CreateCommand(
            "SELECT status, coalesce(reason, ''), count(*) FROM invitation_list WHERE batch_id = ANY($1) GROUP BY 1, 2 ORDER BY 3 DESC");
        command.Parameters.AddWithValue(batches.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync())
            parts.Add($"{reader.GetString(0)}{(reader.GetString(1).Length > 0 ? " (" + reader.GetString(1) + ")" : "")}: {reader.GetInt64(2):N0}");
        return string.Join(", ", parts);
    }
}
