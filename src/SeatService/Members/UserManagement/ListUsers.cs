using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>
/// GET /user-management/users/?start_after_id=&amp;end_before_id=&amp;limit= → {"query_count","users","first_uid","last_uid"}
/// (seed 001). Users are ordered by uid. start_after_id pages forward, end_before_id pages back (the page just before
/// that uid); the two together are a 400. query_count counts all the account's users, disabled ones included.
/// </summary>
public static class ListUsers
{
    public const int DefaultLimit = 5;
    public const int MaxLimit = 100;

    public sealed record Response(
        int QueryCount,
        IReadOnlyList<JsonObject> Users,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FirstUid,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LastUid);

    public static async Task<IResult> Handle(
        [FromQuery(Name = "start_after_id")] string? startAfterId,
        [FromQuery(Name = "end_before_id")] string? endBeforeId,
        [FromQuery(Name = "limit")] string? limit,
        ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        startAfterId = string.IsNullOrEmpty(startAfterId) ? null : startAfterId;
        endBeforeId = string.IsNullOrEmpty(endBeforeId) ? null : endBeforeId;
        if (startAfterId is not null && endBeforeId is not null)
            return MemberProblems.BadRequest("end_before_id", "Give start_after_id or end_before_id, not both.");
        if (startAfterId is not null && !MemberIds.IsUid(startAfterId))
            return Problems.Invalid("start_after_id", "start_after_id must be a user_uid.");
        if (endBeforeId is not null && !MemberIds.IsUid(endBeforeId))
            return Problems.Invalid("end_before_id", "end_before_id must be a user_uid.");
        var pageSize = DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
            return Problems.Invalid("limit", $"limit must be a whole number from 1 to {MaxLimit}.");

        var accountId = user.Tenant().AccountId;
        var backwards = endBeforeId is not null;
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT count(*) FROM member_list WHERE account_id = $1")
        {
            Parameters = { new NpgsqlParameter { Value = accountId } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            SELECT {MemberRow.Columns} FROM member_list
            WHERE account_id = $1
              AND ($2::text IS NULL OR user_uid > $2::text COLLATE "C")
              AND ($3::text IS NULL OR user_uid < $3::text COLLATE "C")
            ORDER BY user_uid {(backwards ? "DESC" : "ASC")}
            LIMIT $4
            """)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = accountId },
                new NpgsqlParameter { Value = (object?)startAfterId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new NpgsqlParameter { Value = (object?)endBeforeId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new NpgsqlParameter { Value = pageSize },
            },
        });

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = checked((int)reader.GetInt64(0));
        await reader.NextResultAsync(ct);
        var rows = new List<MemberRow>();
        while (await reader.ReadAsync(ct))
            rows.Add(MemberRow.Read(reader));
        if (backwards)
            rows.Reverse();

        return Results.Ok(new Response(total, [.. rows.Select(UserData.From)], rows.FirstOrDefault()?.Uid, rows.LastOrDefault()?.Uid));
    }
}
