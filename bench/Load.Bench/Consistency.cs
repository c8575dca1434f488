using Npgsql;

namespace Outreach.Load.Bench;

/// <summary>
/// What the three services agree on after the load has settled, seat by seat. A gap is an effect one service
/// committed that another never saw (a lost message); a duplicate is an effect counted twice (a message handled
/// twice). Both are expected to be 0.
/// </summary>
internal sealed record ConsistencyResult(
    int Seats, int StatusGapsInInvitations, int StatusGapsInIdentities, int KeyGapsInIdentities,
    int SentSeats, long SentInInvitations, long CountedInSeats, int SeatsUndercounted, int SeatsOvercounted, List<string> Examples)
{
    public int Lost => StatusGapsInInvitations + StatusGapsInIdentities + KeyGapsInIdentities + SeatsUndercounted;
    public int Duplicated => SeatsOvercounted;
}

internal static class Consistency
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan NoProgress = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Compares until the services agree, or until the gaps stop shrinking for a minute (consumers may still be working
    /// through a backlog: a gap that keeps closing is lag, one that stays is a loss), at most five minutes.
    /// </summary>
    public static async Task<ConsistencyResult> CheckAsync(LoadSystem system)
    {
        var deadline = DateTime.UtcNow + Patience;
        var best = int.MaxValue;
        var lastProgress = DateTime.UtcNow;
        while (true)
        {
            ConsistencyResult result;
            try
            {
                result = await CompareAsync(system);
            }
            catch (Npgsql.PostgresException exception) when (exception.SqlState == "53300" && DateTime.UtcNow < deadline)
            {
                // "too many clients": the services' pools still hold the connections the load made them open.
                await Task.Delay(2000);
                continue;
            }
            if ((result.Lost == 0 && result.Duplicated == 0) || DateTime.UtcNow > deadline)
                return result;
            if (result.Lost + result.Duplicated < best)
            {
                best = result.Lost + result.Duplicated;
                lastProgress = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - lastProgress > NoProgress)
                return result;
            await Task.Delay(2000);
        }
    }

    private static async Task<ConsistencyResult> CompareAsync(LoadSystem system)
    {
        var seats = await ReadAsync(system, "seatsdb", "SELECT seat_id, status, key_id, CASE WHEN sent_day = (now() AT TIME ZONE 'UTC')::date THEN daily_sent_count ELSE 0 END FROM seat_list",
            r => (Status: r.GetString(1), Key: r.GetString(2), Sent: (long)r.GetInt32(3)));
        var invitationViews = await ReadAsync(system, "invitationsdb", "SELECT seat_id, status, key_id, 0::bigint FROM seat_views", r => (Status: r.GetString(1), Key: r.GetString(2), Sent: 0L));
        var identityViews = await ReadAsync(system, "identitiesdb", "SELECT seat_id, status, key_id, 0::bigint FROM seat_views", r => (Status: r.GetString(1), Key: r.GetString(2), Sent: 0L));
        var identityKeys = await ReadAsync(system, "identitiesdb", "SELECT DISTINCT ON (seat_id) seat_id, key_id, key_id, 0::bigint FROM identity_list WHERE seat_id IS NOT NULL",
            r => (Status: "", Key: r.GetString(1), Sent: 0L));
        var sent = await ReadAsync(system, "invitationsdb",
            "SELECT seat_id, '', '', count(*) FROM invitation_list WHERE seat_id IS NOT NULL AND sent_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' GROUP BY seat_id",
            r => (Status: "", Key: "", Sent: r.GetInt64(3)));

        var examples = new List<string>();
        void Note(string example)
        {
            if (examples.Count < 10)
                examples.Add(example);
        }

        // invitation-service follows the whole lifecycle; identity-service keeps only suspensions (an unsuspended seat
        // stays "suspended" there, harmlessly: it has no session to end). So: every status must match in the first,
        // and every seat suspended now must be known as suspended in the second.
        int StatusGaps(Dictionary<string, (string Status, string Key, long Sent)> views, string service, bool suspensionsOnly)
        {
            var gaps = 0;
            foreach (var (seatId, seat) in seats)
            {
                if (suspensionsOnly && seat.Status != "suspended")
                    continue;
                if (!views.TryGetValue(seatId, out var view) || view.Status != seat.Status)
                {
                    gaps++;
                    Note($"{service}: seat {seatId} is {view.Status ?? "unknown"} there, {seat.Status} in seat-service");
                }
            }
            return gaps;
        }

        var keyGaps = 0;
        foreach (var (seatId, identity) in identityKeys)
        {
            if (seats.TryGetValue(seatId, out var seat) && seat.Key != identity.Key)
            {
                keyGaps++;
                Note($"identity-service: seat {seatId}'s identity is under key {identity.Key}, the seat under {seat.Key}");
            }
        }

        var under = 0;
        var over = 0;
        foreach (var (seatId, count) in sent)
        {
            var counted = seats.TryGetValue(seatId, out var seat) ? seat.Sent : 0;
            if (counted < count.Sent)
            {
                under++;
                Note($"seat {seatId}: {count.Sent} sent in invitation-service, daily_sent_count {counted}");
            }
            else if (counted > count.Sent)
            {
                over++;
                Note($"seat {seatId}: {count.Sent} sent in invitation-service, daily_sent_count {counted}");
            }
        }
        return new ConsistencyResult(seats.Count, StatusGaps(invitationViews, "invitation-service", suspensionsOnly: false), StatusGaps(identityViews, "identity-service", suspensionsOnly: true), keyGaps,
            sent.Count, sent.Values.Sum(s => s.Sent), seats.Values.Sum(s => s.Sent), under, over, examples);
    }

    private static async Task<Dictionary<string, (string Status, string Key, long Sent)>> ReadAsync(LoadSystem system, string database, string sql,
        Func<NpgsqlDataReader, (string Status, string Key, long Sent)> row)
    {
        await using var source = NpgsqlDataSource.Create(system.ConnectionString(database));
        await using var command = source.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, (string, string, long)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
            rows[reader.GetString(0)] = row(reader);
        return rows;
    }
}
