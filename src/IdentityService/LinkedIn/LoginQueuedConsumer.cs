using MassTransit;
using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;

namespace Outreach.IdentityService.LinkedIn;

/// <summary>
/// The login worker: LoginQueued → the login is marked in progress, the provider is asked (with the sealed credentials,
/// or the stored session), and its answer is recorded — connected, a checkpoint, or a failure. A redelivery of a
/// message whose login already moved on does nothing (the inbox, and the login's own state).
/// </summary>
public sealed class LoginQueuedConsumer(IDocumentStore store, ILinkedInProvider provider, TimeProvider clock)
    : InboxConsumer<Contracts.LoginQueued>(store)
{
    protected override async Task HandleAsync(ConsumeContext<Contracts.LoginQueued> context, IDocumentSession session)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        var queued = await session.Events.FetchForWriting<Identity>(message.IdentityId, ct);
        if (queued.Aggregate is not { } identity || identity.IsDeleted || identity.KeyId != message.KeyId || identity.Login is not { } login ||
            login.SessionId != message.SessionId || login.Status != LoginStatus.Queued)
            return;

        if (login.ExpiresAt <= clock.GetUtcNow())
        {
            LoginOutcomes.Expire(session, queued, login.SessionId, clock.GetUtcNow());
            return;
        }

        // Committed on its own, so the status route says in_progress while the provider works. It expects the stream
        // as loaded above: a write in between (a second delivery, a delete) fails it, and the retried message starts
        // over from the new state. The one load serves both the check and this append.
        if (identity.StartLoginAttempt(login.SessionId, clock.GetUtcNow()) is not { } attempt)
            return;
        await using (var progress = Store.LightweightSession())
        {
            progress.Events.Append(identity.Id, queued.StartingVersion!.Value + 1, attempt);
            await progress.SaveChangesAsync(ct);
        }

        var outcome = await AskProviderAsync(session, identity, login, ct);
        var stream = await session.Events.FetchForWriting<Identity>(identity.Id, ct);
        if (stream.Aggregate?.Login?.SessionId != login.SessionId || stream.Aggregate.Login.Status != LoginStatus.InProgress)
            return;
        await LoginOutcomes.RecordAsync(session, stream, login.SessionId, outcome, clock.GetUtcNow(), ct);
    }

    private async Task<ProviderOutcome> AskProviderAsync(IDocumentSession session, Identity identity, Identity.LoginAttempt login, CancellationToken ct)
    {
        try
        {
            if (login.UsesStoredSession)
            {
                var storedKey = identity.StoredSessionId is { } stored ? await LoginKeys.FindAsync(session, stored, ct) : null;
                if (storedKey is null || identity.SealedSessionToken is null || identity.ProviderAccountId is null)
                    return new ProviderOutcome.Failed(LoginFailures.SessionInvalid);
                var token = PersonalDataCipher.Decrypt(storedKey, identity.StoredSessionId!, identity.SealedSessionToken);
                return await provider.ReconnectAsync(identity.ProviderAccountId, token, ct);
            }

            if (await LoginKeys.FindCredentialsAsync(session, login.SessionId, ct) is not { } credentials)
                return new ProviderOutcome.Failed(LoginFailures.InvalidCredentials);
            return await provider.ConnectAsync(credentials.Username, credentials.Password, login.Country, ct);
        }
        catch (ProviderUnavailableException)
        {
            return new ProviderOutcome.Failed(LoginFailures.ProviderUnavailable);
        }
    }
}
