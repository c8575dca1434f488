using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;
using Outreach.IdentityService.PersonalData;

namespace Outreach.IdentityService.LinkedIn;

/// <summary>
/// What the provider answered, turned into the identity's events — one place for the worker, the code route and the
/// watcher. Credentials are forgotten as soon as the provider has seen them; a finished login's key goes too, except
/// the key that seals the new stored session.
/// </summary>
public static class LoginOutcomes
{
    public static async Task<string> RecordAsync(IDocumentSession session, IEventStream<Identity> stream, string sessionId,
        ProviderOutcome outcome, DateTimeOffset now, CancellationToken ct)
    {
        var identity = stream.Aggregate!;
        LoginKeys.ForgetCredentials(session, sessionId);
        switch (outcome)
        {
            case ProviderOutcome.Connected connected:
                var identityKey = await IdentityKeys.FindAsync(session, identity.Id, ct)
                    ?? throw new InvalidOperationException($"Identity {identity.Id} has no key.");
                var loginKey = await LoginKeys.FindAsync(session, sessionId, ct)
                    ?? throw new InvalidOperationException($"Login {sessionId} has no key.");
                stream.AppendOne(new LinkedInLoginSucceeded(identity.Id, identity.AccountId, identity.KeyId, identity.SeatId, sessionId,
                    connected.ProviderAccountId, connected.Profile.ProfileId,
                    PersonalDataCipher.Encrypt(identityKey, identity.Id, connected.Profile.Name),
                    PersonalDataCipher.Encrypt(identityKey, identity.Id, connected.Profile.ProfileUrl),
                    PersonalDataCipher.Encrypt(loginKey, sessionId, connected.SessionToken), now));
                // The previous stored session, if any, is superseded: its token becomes unreadable.
                LoginKeys.DestroyAll(session, identity.Id, keep: sessionId);
                return LoginStatus.Connected;
            case ProviderOutcome.Checkpoint checkpoint:
                stream.AppendOne(new LinkedInCheckpointReached(identity.Id, sessionId, checkpoint.ProviderAccountId, checkpoint.Type, now));
                return LoginStatus.Checkpoint;
            case ProviderOutcome.Pending:
                return LoginStatus.Checkpoint;
            case ProviderOutcome.CodeRejected:
                var attempts = (identity.Login?.Attempts ?? 0) + 1;
                stream.AppendOne(new LinkedInCodeRejected(identity.Id, sessionId, attempts, now));
                if (attempts < Identity.MaxCodeAttempts)
                    return LoginStatus.Checkpoint;
                return Fail(session, stream, sessionId, LoginFailures.TooManyAttempts, now);
            case ProviderOutcome.Failed failed:
                return Fail(session, stream, sessionId, failed.Reason, now);
            default:
                throw new InvalidOperationException($"Unknown provider outcome {outcome}.");
        }
    }

    public static void Expire(IDocumentSession session, IEventStream<Identity> stream, string sessionId, DateTimeOffset now)
    {
        stream.AppendOne(new LinkedInLoginExpired(stream.Aggregate!.Id, sessionId, now));
        ForgetLogin(session, stream.Aggregate!, sessionId);
    }

    private static string Fail(IDocumentSession session, IEventStream<Identity> stream, string sessionId, string reason, DateTimeOffset now)
    {
        var identity = stream.Aggregate!;
        stream.AppendOne(new LinkedInLoginFailed(identity.Id, identity.KeyId, sessionId, reason, now));
        ForgetLogin(session, identity, sessionId);
        return LoginStatus.Failed;
    }

    /// <summary>A login that ended without a session leaves nothing behind; the stored session, if any, stays.</summary>
    private static void ForgetLogin(IDocumentSession session, Identity identity, string sessionId)
    {
        LoginKeys.ForgetCredentials(session, sessionId);
        if (identity.StoredSessionId != sessionId)
            session.QueueSqlCommand("DELETE FROM login_keys WHERE session_id = $1", sessionId);
    }
}
