using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace Outreach.InvitationService.Bench;

/// <summary>One suspension: how long until invitation-service committed it, and the seat's sent count then and 500 ms later.</summary>
/// <param name="OnBrokerMs">From the suspend's 2xx until SeatSuspended reached the bench's own queue (seat-service's relay); null if it never did.</param>
internal sealed record Suspension(double Ms, double? OnBrokerMs, long SentBefore, long SentAtStop, long SentLater, long SendingAtStop, long QueuedAtStop, double PollMs);

/// <summary>
/// Figure 3: a seat sending from its queue is suspended through seat-service; timed from the suspend's 2xx until
/// invitation-service's seat_views says 'suspended' (that commit is made under the sender's gate: no send is in flight
/// then and none starts after). Then the seat's sent count is read again 500 ms later: it must not have risen.
/// </summary>
internal static class SuspendScenario
{
    public static async Task<Suspension> SampleAsync(InvitationSystem system, SuspensionWatch watch, Sender seat, int batch, int sentFirst, int pollMs)
    {
        await DrainScenario.QueueAsync([seat], batch, 1);
        await using var connection = await system.Invitations.OpenConnectionAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE status = 'sending'), count(*) FILTER (WHERE status = 'queued') FROM invitation_list WHERE seat_id = $1",
            connection);
        count.Parameters.AddWithValue(seat.SeatId!);
        await count.PrepareAsync();
        await using var status = new NpgsqlCommand("SELECT status FROM seat_views WHERE seat_id = $1", connection);
        status.Parameters.AddWithValue(seat.SeatId!);
        await status.PrepareAsync();

        // Wait until the seat is sending from its queue.
        var (sentBefore, _, _) = await CountAsync(count);
        var deadline = DateTime.UtcNow + Senders.Patience;
        while (sentBefore < sentFirst)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"seat {seat.SeatId} did not start sending from its queue");
            await Task.Delay(2);
            (sentBefore, _, _) = await CountAsync(count);
        }

        using (var response = await seat.Seats.PostAsJsonAsync(new Uri(Senders.Manage, UriKind.Relative), new { action = "suspend", user_id = seat.SeatId }))
        {
            var answered = Stopwatch.GetTimestamp();
            await Http.ReadAsync(response, HttpStatusCode.OK, "suspend");
            var polls = 0;
            var pollTime = 0.0;
            while (true)
            {
                var before = Stopwatch.GetTimestamp();
                var now = (string?)await status.ExecuteScalarAsync();
                polls++;
                pollTime += Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                if (now == "suspended")
                    break;
                if (Stopwatch.GetElapsedTime(answered) > Senders.Patience)
                    throw new TimeoutException($"seat {seat.SeatId} not suspended in invitation-service (status {now})");
                await Task.Delay(pollMs);
            }
            var ms = Stopwatch.GetElapsedTime(answered).TotalMilliseconds;
            double? onBroker = await watch.ArrivalAsync(seat.SeatId!, TimeSpan.FromSeconds(5)) is { } arrived
                ? Stopwatch.GetElapsedTime(answered, arrived).TotalMilliseconds
                : null;
            var (sentAtStop, sendingAtStop, queuedAtStop) = await CountAsync(count);
            await Task.Delay(500);
            var (sentLater, _, _) = await CountAsync(count);
            return new Suspension(ms, onBroker, sentBefore, sentAtStop, sentLater, sendingAtStop, queuedAtStop, pollTime / polls);
        }
    }

    private static async Task<(long Sent, long Sending, long Queued)> CountAsync(NpgsqlCommand count)
    {
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
