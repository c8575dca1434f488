using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Outreach.SeatService.Bench;

/// <summary>
/// "add" through the service (HTTP, access-key authentication, two events to a new stream, inline projection into
/// seat_list and connect_links, one transaction) beside the platform's raw insert: BEGIN; one INSERT of a bigint
/// identity row with a jsonb payload of the same size as a SeatAdded event; COMMIT, on the same PostgreSQL server.
/// </summary>
internal static class AddScenario
{
    private static readonly object AddBody = new { action = "add" };

    /// <summary>Each client its own HttpClient (one connection), all under one access key.</summary>
    public static async Task<Run> ServiceAsync(SeatServiceSystem system, IssuedKey key, int clients, TimeSpan duration)
    {
        var http = Enumerable.Range(0, clients).Select(_ => system.ClientFor(key)).ToArray();
        try
        {
            return await Load.MeasureAsync(clients, duration, c => AddOneAsync(http[c]));
        }
        finally
        {
            foreach (var client in http)
                client.Dispose();
        }
    }

    public static async Task AddOneAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/functions/v1/api-user-management", AddBody);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"add answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await response.Content.LoadIntoBufferAsync();
    }

    public static async Task CreateRawTableAsync(NpgsqlDataSource raw)
    {
        await using var command = raw.CreateCommand("""
            CREATE TABLE IF NOT EXISTS raw_seats (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                data jsonb NOT NULL)
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The JSON of a SeatAdded as the store writes it: same fields, same id lengths.</summary>
    public static string Payload(int n) => JsonSerializer.Serialize(new
    {
        seat_id = $"usr_{n:D20}",
        account_id = "acc_0123456789abcdefghij",
        key_id = "key_0123456789abcdefghij",
        daily_limit = 25,
        added_at = DateTimeOffset.UtcNow,
    });

    /// <summary>BEGIN; INSERT one row; COMMIT — the baseline the issue names, with the same number of writers.</summary>
    public static Task<Run> RawAsync(NpgsqlDataSource raw, int writers, TimeSpan duration)
    {
        var next = new int[writers];
        return Load.MeasureAsync(writers, duration, async w =>
        {
            await using var connection = await raw.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand("INSERT INTO raw_seats (data) VALUES ($1)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Payload(w * 1_000_000 + next[w]++), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        });
    }

    /// <summary>GET /alive (no authentication, no database): the HTTP stack alone, for context.</summary>
    public static async Task<Run> BareHttpAsync(SeatServiceSystem system, int clients, TimeSpan duration)
    {
        var http = Enumerable.Range(0, clients).Select(_ => system.Anonymous()).ToArray();
        try
        {
            return await Load.MeasureAsync(clients, duration, async c =>
            {
                using var response = await http[c].GetAsync(new Uri("/alive", UriKind.Relative));
                response.EnsureSuccessStatusCode();
            });
        }
        finally
        {
            foreach (var client in http)
                client.Dispose();
        }
    }
}
