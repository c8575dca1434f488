using System.Globalization;
using System.Text.Json;
using Npgsql;
using Outreach.SeatService.Seats;
using Outreach.ServiceDefaults.Http;

namespace Outreach.SeatService.Bench;

/// <summary>
/// GET /user-list for one key holding many seats, all created through the service's "add" route (so seat_list is the
/// real read table, filled by the real projection). Beside it: the route's own SELECT run with Npgsql from this
/// process against seatsdb, reading every row — the database and driver floor under the route.
/// </summary>
internal static class UserListScenario
{
    /// <summary>Adds seats under the key through the route, with this many clients, until it holds <paramref name="seats"/>.</summary>
    public static async Task SeedAsync(SeatServiceSystem system, IssuedKey key, int seats, int clients)
    {
        var remaining = seats;
        var http = Enumerable.Range(0, clients).Select(_ => system.ClientFor(key)).ToArray();
        try
        {
            await Task.WhenAll(http.Select(client => Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                    await AddScenario.AddOneAsync(client);
            })));
        }
        finally
        {
            foreach (var client in http)
                client.Dispose();
        }
    }

    /// <summary>One GET, body read to the end; the body's length.</summary>
    public static async Task<int> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/user-list", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        return body.Length;
    }

    /// <summary>How many users a GET returns and how many bytes (checked once, outside the timing).</summary>
    public static async Task<(int Users, int Bytes)> InspectAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/user-list", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("users").GetArrayLength(), body.Length);
    }

    public static async Task<Run> ServiceAsync(SeatServiceSystem system, IssuedKey key, int clients, TimeSpan duration)
    {
        var http = Enumerable.Range(0, clients).Select(_ => system.ClientFor(key)).ToArray();
        try
        {
            return await Load.MeasureAsync(clients, duration, c => GetAsync(http[c]));
        }
        finally
        {
            foreach (var client in http)
                client.Dispose();
        }
    }

    /// <summary>The route's SELECT (src/SeatService/Seats/UserList.cs), with the route's parameters.</summary>
    private static NpgsqlCommand Select(NpgsqlDataSource seatsDb, IssuedKey key, string prefix = "")
    {
        var command = seatsDb.CreateCommand(prefix + """
            SELECT seat_id, linkedin_url, linkedin_name, status, daily_limit,
                   CASE WHEN sent_day = $3 THEN daily_sent_count ELSE 0 END
            FROM seat_list
            WHERE key_id = $1 AND account_id = $2 AND status <> 'deleted' AND ($4::text IS NULL OR status = $4)
            ORDER BY added_at, seat_id
            """);
        command.Parameters.AddWithValue(key.KeyId);
        command.Parameters.AddWithValue(key.AccountId);
        command.Parameters.AddWithValue(DateOnly.FromDateTime(DateTime.UtcNow));
        command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return command;
    }

    /// <summary>The route's SELECT, every row read into the route's record, as the route does.</summary>
    public static async Task<List<UserList.User>> ReadAsync(NpgsqlDataSource seatsDb, IssuedKey key)
    {
        await using var command = Select(seatsDb, key);
        var users = new List<UserList.User>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            users.Add(new UserList.User(reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5)));
        }
        return users;
    }

    public static Task<Run> RawAsync(NpgsqlDataSource seatsDb, IssuedKey key, int clients, TimeSpan duration) =>
        Load.MeasureAsync(clients, duration, _ => ReadAsync(seatsDb, key));

    /// <summary>Diagnostic: the route's response serialised with the services' JSON conventions, nothing else.</summary>
    public static async Task<Run> SerialiseAsync(NpgsqlDataSource seatsDb, IssuedKey key, TimeSpan duration)
    {
        var response = new UserList.Response(await ReadAsync(seatsDb, key));
        return await Load.MeasureAsync(1, duration, _ => JsonSerializer.SerializeAsync(Stream.Null, response, JsonConventions.Options));
    }

    /// <summary>Diagnostic: the plan PostgreSQL chooses for the route's SELECT and its execution time inside the server.</summary>
    public static async Task<(string Plan, double ExecutionMs)> ExplainAsync(NpgsqlDataSource seatsDb, IssuedKey key)
    {
        var lines = new List<string>();
        for (var run = 0; run < 5; run++) // the last of five: pages cached, as in the timed runs
        {
            lines.Clear();
            await using var command = Select(seatsDb, key, "EXPLAIN (ANALYZE, BUFFERS) ");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(0));
        }
        var execution = lines.Single(l => l.StartsWith("Execution Time:", StringComparison.Ordinal));
        var ms = double.Parse(execution.Split(':')[1].Replace("ms", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        return (string.Join(Environment.NewLine, lines), ms);
    }
}
