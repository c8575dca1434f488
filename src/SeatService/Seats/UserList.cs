using System.Security.Claims;
using System.Text.Json.Serialization;
using Npgsql;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Seats;

/// <summary>GET /user-list?status=pending|active|suspended|disconnected → {"users":[…]} (seed 000), from the seat_list read table.</summary>
public static class UserList
{
    public static readonly string[] Statuses = ["pending", "active", "suspended", "disconnected"];

    /// <summary>linkedin_url and linkedin_name are null until the seat connects; the seed always shows them, so they are always written.</summary>
    public sealed record User(
        string Id,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LinkedinUrl,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LinkedinName,
        string Status,
        int DailyLimit,
        int DailySentCount);

    public sealed record Response(IReadOnlyList<User> Users);

    public static async Task<IResult> Handle(string? status, ClaimsPrincipal user, UserListCache cache, TimeProvider clock, CancellationToken ct)
    {
        if (status is not null && !Statuses.Contains(status))
            return Problems.Invalid("status", $"status must be one of: {string.Join(", ", Statuses)}.");
        var caller = user.Tenant();
        var body = await cache.GetAsync(caller, status, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        return Results.Bytes(body, "application/json; charset=utf-8");
    }

    /// <summary>The caller's seats as of one snapshot; daily_sent_count belongs to a UTC day, so a count from an earlier day reads as 0.</summary>
    public static async Task<Response> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CallerKey caller, string? status,
        DateOnly today, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT seat_id, linkedin_url, linkedin_name, status, daily_limit,
                   CASE WHEN sent_day = $3 THEN daily_sent_count ELSE 0 END
            FROM seat_list
            WHERE key_id = $1 AND account_id = $2 AND status <> 'deleted' AND ($4::text IS NULL OR status = $4)
            ORDER BY added_at, seat_id
            """, connection, transaction);
        command.Parameters.AddWithValue(caller.KeyId);
        command.Parameters.AddWithValue(caller.AccountId);
        command.Parameters.AddWithValue(today);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });

        var users = new List<User>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            users.Add(new User(reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5)));
        }
        return new Response(users);
    }
}
