using System.Text.Json.Serialization;
using Npgsql;

namespace Outreach.IdentityService.LinkedIn;

/// <summary>A login operation's progress, shaped like the login route's login_result.</summary>
public sealed record LoginSessionView(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ProfileId,
    string SessionId,
    string Status,
    LoginSessionView.CheckpointView? Checkpoint,
    string? Reason,
    int AttemptsLeft,
    DateTimeOffset ExpiresAt)
{
    public sealed record CheckpointView(string Type);

    public static async Task<LoginSessionView?> FindAsync(NpgsqlDataSource db, string keyId, string identityId, string sessionId, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT i.profile_id, s.session_id, s.status, s.checkpoint_type, s.failure_reason, s.attempts, s.expires_at
            FROM login_sessions s JOIN identity_list i ON i.identity_id = s.identity_id
            WHERE s.session_id = $1 AND s.identity_id = $2 AND s.key_id = $3 AND i.key_id = $3
            """);
        command.Parameters.AddWithValue(sessionId);
        command.Parameters.AddWithValue(identityId);
        command.Parameters.AddWithValue(keyId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return null;
        var expiresAt = reader.GetFieldValue<DateTimeOffset>(6);
        // The watcher records the expiry shortly after; the answer is right from the first moment.
        var status = reader.GetString(2) is var stored && !LoginStatus.IsFinished(stored) && expiresAt <= now ? LoginStatus.Expired : reader.GetString(2);
        return new LoginSessionView(
            reader.IsDBNull(0) ? null : reader.GetString(0),
            reader.GetString(1),
            status,
            status == LoginStatus.Checkpoint && !reader.IsDBNull(3) ? new CheckpointView(reader.GetString(3)) : null,
            reader.IsDBNull(4) ? null : reader.GetString(4),
            Math.Max(0, Identities.Identity.MaxCodeAttempts - reader.GetInt32(5)),
            expiresAt);
    }
}
