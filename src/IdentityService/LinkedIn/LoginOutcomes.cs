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
        Identity.SealedConnection? connection = null;
        if (outcome is ProviderOutcome.Connected connected)
        {
            var identityKey = await IdentityKeys.FindAsync(session, identity.Id, ct)
                ?? throw new InvalidOperationException($"Identity {identity.Id} has no key.");
            var loginKey = await LoginKeys.FindAsync(session, sessionId, ct)
                ?? throw new InvalidOperationException($"Login {sessionId} has no key.");
            connection = new Identity.SealedConnection(PersonalDataCipher.Encrypt(identityKey, identity.Id, connected.Profile.Name),
                PersonalDataCipher.Encrypt(identityKey, identity.Id, connected.Profile.ProfileUrl),
                PersonalDataCipher.Encrypt(loginKey, sessionId, connected.SessionToken));
        }

        // Every caller checked the login is this one and unfinished; a login that moved on meanwhile records nothing.
        if (identity.RecordOutcome(sessionId, outcome, now, connection) is not { } events)
            return identity.Login?.Status ?? LoginStatus.Failed;
        stream.AppendMany(events);
        if (connection is not null)
        {
            // The previous stored session, if any, is superseded: its token becomes unreadable.
            LoginKeys.DestroyAll(session, identity.Id, keep: sessionId);
            return LoginStatus.Connected;
        }
        if (events.Any(e => e is LinkedInLoginFailed))
        {
            ForgetLogin(session, identity, sessionId);
            return LoginStatus.Failed;
        }
        return LoginStatus.Checkpoint;
    }

    public static void Expire(IDocumentSession session, IEventStream<Identity> stream, string sessionId, DateTimeOffset now)
    {
        if (stream.Aggregate!.Expire(sessionId, now) is not { } expired)
            return;
        stream.AppendOne(expired);
        ForgetLogin(session, stream.Aggregate!, sessionId);
    }

    /// <summary>A login that ended without a session leaves nothing behind; the stored session, if any, stays.</summary>
    private static void ForgetLogin(IDocumentSession session, Identity identity, string sessionId)
    {
        LoginKeys.ForgetCredentials(session, sessionId);
        if (identity.StoredSessionId != sessionId)
            session.QueueSqlCommand("DELETE FROM login_keys WHERE session_id = $1", sessionId);
    }
}
