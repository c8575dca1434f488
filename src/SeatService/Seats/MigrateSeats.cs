using Outreach.EventSourcing;
using Outreach.SeatService.Auth;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Seats;

/// <summary>
/// action "migrate": moves seats to another key of the same account, all or nothing, in one transaction
/// → {"success","migrated","target_access_key"}. LinkedIn connections are kept.
/// </summary>
public static class MigrateSeats
{
    public const int MaxSeatsPerRequest = 500;

    public sealed record Response(bool Success, IReadOnlyList<string> Migrated, string TargetAccessKey);

    public static async Task<IResult> Handle(UserManagementRequest request, CallerKey caller,
        IDocumentSession session, AccessKeyDirectory keys, TimeProvider clock, CancellationToken ct)
    {
        if (request.UserIds is not { Count: > 0 } userIds)
            return Problems.Invalid("user_ids", "user_ids must list at least one user id.");
        if (userIds.Count > MaxSeatsPerRequest)
            return Problems.Invalid("user_ids", $"At most {MaxSeatsPerRequest} users can be migrated at once.");
        if (userIds.Distinct(StringComparer.Ordinal).Count() != userIds.Count)
            return Problems.Invalid("user_ids", "user_ids lists a user twice.");
        if (string.IsNullOrEmpty(request.TargetAccessKey))
            return Problems.Invalid("target_access_key", "target_access_key is required.");

        var target = await keys.FindByAccessKeyAsync(request.TargetAccessKey, ct);
        if (target is null || target.AccountId != caller.AccountId || target.KeyId == caller.KeyId)
            return Problems.Forbidden("target_access_key must be another live access key of the same account.");

        var now = clock.GetUtcNow();
        var moves = new List<(IEventStream<Seat> Stream, SeatMigrated Migrated)>(userIds.Count);
        foreach (var userId in userIds)
        {
            var stream = await TenantSeats.LoadAsync(session, userId, caller, ct);
            if (stream?.Aggregate?.MigrateTo(target.KeyId, now) is not { } migrated)
                return Problems.NotFound("user", userId);
            moves.Add((stream, migrated));
        }

        // All or nothing: appended only once every seat has agreed to move.
        foreach (var (stream, migrated) in moves)
            stream.AppendOne(migrated);
        var migrationId = Secrets.NewId("mig_");
        session.Events.StartStream<SeatsMigration>(migrationId,
            new SeatsMigrationRecorded(migrationId, [.. userIds], caller.AccountId, caller.KeyId, target.KeyId, now));
        await session.SaveChangesAsync(ct);
        return Results.Ok(new Response(true, [.. userIds], request.TargetAccessKey));
    }
}

/// <summary>The stream type of a migration record; it has nothing to decide.</summary>
public sealed class SeatsMigration
{
    public void Apply(SeatsMigrationRecorded e) { }
}
