using Outreach.IdentityService.LinkedIn;

namespace Outreach.IdentityService.Identities;

/// <summary>
/// The login's decisions, pure: which events a step appends, or null when the identity refuses it. StartLogin,
/// SubmitCode, the login worker and the watcher call these; tests/Domain.Properties.Tests states their rules (one
/// login in flight, at most <see cref="MaxCodeAttempts"/> wrong codes, expiry, finished is final).
/// </summary>
public sealed partial class Identity
{
    /// <summary>What SubmitCode may do with a code for <c>sessionId</c> now.</summary>
    public enum CodeCheck
    {
        /// <summary>Not this identity's current login: 404.</summary>
        UnknownLogin,
        /// <summary>Finished or past its max_verification_wait_time: 410 (an unfinished one is expired first).</summary>
        Over,
        /// <summary>Not at a checkpoint: 409.</summary>
        NotWaitingForCode,
        /// <summary>The code goes to the provider.</summary>
        Ask,
    }

    /// <summary>The sealed values a successful login records; only RecordOutcome's caller holds the keys that seal them.</summary>
    public sealed record SealedConnection(string SealedName, string SealedProfileUrl, string SealedSessionToken);

    /// <summary>A new login, unless one is still in flight (409 auth_in_progress).</summary>
    public LinkedInLoginRequested? RequestLogin(string sessionId, string? country, int maxVerificationWaitSeconds, bool usesStoredSession,
        DateTimeOffset now) =>
        IsDeleted || HasLoginInProgress(now)
            ? null
            : new LinkedInLoginRequested(Id, sessionId, KeyId, country, maxVerificationWaitSeconds, usesStoredSession, now,
                now.AddSeconds(maxVerificationWaitSeconds));

    /// <summary>The worker's turn: only the current login, only while queued and not past its wait time.</summary>
    public LinkedInLoginStarted? StartLoginAttempt(string sessionId, DateTimeOffset now) =>
        !IsDeleted && Login is { Status: LoginStatus.Queued } login && login.SessionId == sessionId && login.ExpiresAt > now
            ? new LinkedInLoginStarted(Id, sessionId, now)
            : null;

    /// <summary>A login that is not finished may expire; a finished one stays as it ended.</summary>
    public LinkedInLoginExpired? Expire(string sessionId, DateTimeOffset now) =>
        Login is { } login && login.SessionId == sessionId && !LoginStatus.IsFinished(login.Status) ? new LinkedInLoginExpired(Id, sessionId, now) : null;

    public CodeCheck CheckCode(string sessionId, DateTimeOffset now) => Login switch
    {
        null => CodeCheck.UnknownLogin,
        { } login when login.SessionId != sessionId => CodeCheck.UnknownLogin,
        { } login when LoginStatus.IsFinished(login.Status) || login.ExpiresAt <= now => CodeCheck.Over,
        { Status: not LoginStatus.Checkpoint } or { CheckpointAccountId: null } => CodeCheck.NotWaitingForCode,
        _ => CodeCheck.Ask,
    };

    /// <summary>
    /// What the provider answered for the current, unfinished login, as events: connected, a checkpoint, a wrong code
    /// (the third one fails the login), or a failure. <paramref name="connection"/> is needed for a connection only.
    /// </summary>
    public IReadOnlyList<object>? RecordOutcome(string sessionId, ProviderOutcome outcome, DateTimeOffset now, SealedConnection? connection = null)
    {
        if (IsDeleted || Login is not { Status: LoginStatus.InProgress or LoginStatus.Checkpoint } login || login.SessionId != sessionId)
            return null;
        switch (outcome)
        {
            case ProviderOutcome.Connected connected:
                if (connection is null)
                    throw new ArgumentNullException(nameof(connection), "A connected login records its sealed session.");
                return [new LinkedInLoginSucceeded(Id, AccountId, KeyId, SeatId, sessionId, connected.ProviderAccountId, connected.Profile.ProfileId,
                    connection.SealedName, connection.SealedProfileUrl, connection.SealedSessionToken, now)];
            case ProviderOutcome.Checkpoint checkpoint:
                return [new LinkedInCheckpointReached(Id, sessionId, checkpoint.ProviderAccountId, checkpoint.Type, now)];
            case ProviderOutcome.Pending:
                return [];
            case ProviderOutcome.CodeRejected:
                var attempts = login.Attempts + 1;
                return attempts < MaxCodeAttempts
                    ? [new LinkedInCodeRejected(Id, sessionId, attempts, now)]
                    : [new LinkedInCodeRejected(Id, sessionId, attempts, now), new LinkedInLoginFailed(Id, KeyId, sessionId, LoginFailures.TooManyAttempts, now)];
            case ProviderOutcome.Failed failed:
                return [new LinkedInLoginFailed(Id, KeyId, sessionId, failed.Reason, now)];
            default:
                throw new InvalidOperationException($"Unknown provider outcome {outcome}.");
        }
    }
}
