using Microsoft.Extensions.Options;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.InvitationService.Provider;
using Outreach.InvitationService.Senders;

namespace Outreach.InvitationService.Invitations;

/// <summary>
/// Sends one invitation, now or from the queue, the same way: under the sender's gate, look whether it may send, take
/// a slot of its day (optimistic concurrency on the quota stream) and record the attempt in the same commit, then call
/// the provider once, then record what happened. A send is not idempotent at LinkedIn, so a call whose outcome is
/// unknown is never repeated blindly: the invitations pending at the provider are listed to find out.
/// </summary>
public sealed partial class InvitationDispatcher(IDocumentStore store, IInvitationProvider provider, SenderGate gate, NpgsqlDataSource db,
    TimeProvider clock, IOptions<InvitationOptions> options, ILogger<InvitationDispatcher> logger)
{
    private const int MaxQuotaRaces = 50;
    private const int MaxReconcilePages = 20;

    /// <summary>POST /api/v1/users/invite: a new invitation from <paramref name="sender"/>, sent now.</summary>
    public async Task<SendOutcome> SendNowAsync(SenderView sender, string recipientProviderId, string? message, string? userEmail, CancellationToken ct)
    {
        await using var held = await gate.EnterAsync(sender.SenderKey, ct);
        var current = await SenderView.ForIdentityAsync(db, sender.IdentityId, ct);
        if (current is null || current.WhyNotSending is { } why)
            return new SendOutcome.Paused(current?.WhyNotSending ?? "The LinkedIn account is gone.");
        var now = clock.GetUtcNow();
        if (await RecipientHistory.RefusalAsync(db, current.SenderKey, recipientProviderId, null, now, options.Value.ResendCooldownDays, ct) is { } refusal)
            return new SendOutcome.Refused("", refusal);

        var invitationId = InvitationIds.New();
        var requested = new InvitationRequested(invitationId, current.AccountId, current.KeyId, current.SeatId, current.IdentityId, current.SenderKey,
            recipientProviderId, null, message, userEmail, null, now);
        var slot = await TakeSlotAsync(current, invitationId, recipientProviderId,
            (session, started) =>
            {
                session.Events.StartStream<Invitation>(invitationId, requested, started);
                return Task.FromResult(true);
            }, ct);
        if (slot.Outcome is { } early)
            return early;
        // The slot is taken and the attempt recorded: from here the outcome must be recorded too, whatever the caller does.
        return await CallProviderAsync(current, invitationId, recipientProviderId, message, userEmail, slot.Day, slot.Usage, attempts: 1, queued: false);
    }

    /// <summary>The queue's turn for <paramref name="invitationId"/>: sends it if it is still queued and its sender may send.</summary>
    public async Task<SendOutcome> SendQueuedAsync(string invitationId, string senderKey, string identityId, CancellationToken ct)
    {
        // The reads that need no gate happen before it: a stop (SeatSuspended, …) waits for the gate, so every
        // millisecond a send holds it is a millisecond added to "suspend → sends stopped". What is read here is only
        // a guess; the gate's last look and the slot's commit decide.
        var early = await SenderView.ForIdentityAsync(db, identityId, ct);
        if (early is null || early.WhyNotSending is { } notNow)
            return new SendOutcome.Paused(early?.WhyNotSending ?? "The LinkedIn account is gone.");
        Invitation? invitation;
        await using (var look = store.QuerySession())
            invitation = await look.Events.AggregateStreamAsync<Invitation>(invitationId, token: ct);
        if (invitation is not { CanStartSend: true })
            return new SendOutcome.Skipped();
        // Queued by public identifier: the provider_id this account sees is only known by asking as this account.
        var profile = invitation.RecipientProviderId is null
            ? await TryAsync(() => provider.GetProfileAsync(early.ProviderAccountId, invitation.RecipientPublicIdentifier!, ct))
            : null;

        await using var held = await gate.EnterAsync(senderKey, ct);
        var current = await SenderView.ForIdentityAsync(db, identityId, ct);
        if (current is null || current.WhyNotSending is { } why)
            return new SendOutcome.Paused(current?.WhyNotSending ?? "The LinkedIn account is gone.");
        if (current.ProviderAccountId != early.ProviderAccountId)
            return new SendOutcome.Skipped(); // Reconnected as another account meanwhile: the profile is someone else's view; next round.

        var now = clock.GetUtcNow();
        var recipient = invitation.RecipientProviderId;
        if (recipient is null)
        {
            if (profile is null)
                return new SendOutcome.Unavailable(invitationId, "The provider could not be reached to resolve the recipient.");
            if (!profile.Succeeded)
            {
                if (await StillQueuedAsync(invitationId, ct) is not { } latest)
                    return new SendOutcome.Skipped();
                return MayWaitForAccount(profile.Error!, latest.Requeues)
                    ? await RequeueAsync(current, latest.Id, profile.Error!, releaseDay: null)
                    : await FailAsync(current, latest, profile.Error!, releaseDay: null);
            }
            recipient = profile.Value!.ProviderId;
        }
        if (await RecipientHistory.RefusalAsync(db, current.SenderKey, recipient, invitationId, now, options.Value.ResendCooldownDays, ct) is { } refusal)
            return await StillQueuedAsync(invitationId, ct) is { } latest
                ? await FailAsync(current, latest, refusal, releaseDay: null)
                : new SendOutcome.Skipped();

        var sending = invitation;
        var slot = await TakeSlotAsync(current, invitationId, recipient,
            async (session, started) =>
            {
                var stream = await session.Events.FetchForWriting<Invitation>(invitationId, ct);
                if (stream.Aggregate is not { CanStartSend: true } latest)
                    return false;
                sending = latest; // The attempt counts of the stream as committed, not of the first look.
                stream.AppendOne(started);
                return true;
            }, ct);
        if (slot.Outcome is { } taken)
            return taken;
        return await CallProviderAsync(current, invitationId, recipient, sending.Message, sending.UserEmail, slot.Day, slot.Usage,
            attempts: sending.Attempts + 1, queued: true, requeues: sending.Requeues);
    }

    /// <summary>
    /// The invitation as it stands now, if it may still start a send: asked under the gate before a queued send is
    /// failed or requeued without a slot, because the look before the gate may be stale by then (a withdrawal).
    /// </summary>
    private async Task<Invitation?> StillQueuedAsync(string invitationId, CancellationToken ct)
    {
        await using var look = store.QuerySession();
        return await look.Events.AggregateStreamAsync<Invitation>(invitationId, token: ct) is { CanStartSend: true } latest ? latest : null;
    }

    /// <summary>A send left "sending" (its outcome lost to a timeout or a crash): find out at the provider, under the gate.</summary>
    public async Task<SendOutcome> ReconcileAsync(string invitationId, string senderKey, string identityId, CancellationToken ct)
    {
        await using var held = await gate.EnterAsync(senderKey, ct);
        await using var look = store.QuerySession();
        var invitation = await look.Events.AggregateStreamAsync<Invitation>(invitationId, token: ct);
        if (invitation is not { IsAwaitingOutcome: true })
            return new SendOutcome.Skipped();
        var current = await SenderView.ForIdentityAsync(db, identityId, ct);
        if (current is null)
            return new SendOutcome.Skipped();
        return await SettleUnknownAsync(current, invitation.Id, invitation.ProviderAccountId!, invitation.RecipientProviderId!, invitation.QuotaDay!.Value,
            invitation.Attempts, invitation.IsQueuedSend);
    }

    private readonly record struct Slot(SendOutcome? Outcome, DateOnly Day, int? Usage);

    private async Task<Slot> TakeSlotAsync(SenderView sender, string invitationId, string recipientProviderId,
        Func<IDocumentSession, InvitationSendStarted, Task<bool>> recordAttempt, CancellationToken ct)
    {
        for (var race = 0; ; race++)
        {
            var now = clock.GetUtcNow();
            var day = DateOnly.FromDateTime(now.UtcDateTime);
            await using var session = store.LightweightSession();
            session.TenantId = sender.KeyId;
            var quota = await session.Events.FetchForWriting<DailyQuota>(DailyQuota.StreamId(sender.SenderKey, day), ct);
            var today = quota.Aggregate ?? new DailyQuota();
            var used = today.Used;
            var limit = sender.DailyLimit;
            if (!DailyQuota.HasRoom(used, limit))
                return new Slot(new SendOutcome.LimitReached(limit, InvitationErrors.SecondsToNextUtcDay(now)), day, null);
            // Asked before the slot is taken: the report belongs to the send that crosses a threshold.
            var usage = today.UsageIfTaken(limit);
            quota.AppendOne(new QuotaSlotTaken(sender.SenderKey, day, invitationId, limit, now));
            if (!await recordAttempt(session, new InvitationSendStarted(invitationId, sender.ProviderAccountId, recipientProviderId, day, now)))
                return new Slot(new SendOutcome.Skipped(), day, null);
            try
            {
                await session.SaveChangesAsync(ct);
                return new Slot(null, day, usage);
            }
            catch (ConcurrencyException) when (race < MaxQuotaRaces)
            {
                // Another replica took a slot of the same day first (this process's sends queue on the gate): look again.
            }
        }
    }

    private async Task<SendOutcome> CallProviderAsync(SenderView sender, string invitationId, string recipient, string? message, string? userEmail,
        DateOnly day, int? usage, int attempts, bool queued, int requeues = 0)
    {
        ProviderAnswer<ProviderInvitation> answer;
        try
        {
            answer = await provider.SendInvitationAsync(sender.ProviderAccountId, recipient, message, userEmail, CancellationToken.None);
        }
        catch (ProviderUnavailableException e)
        {
            LogUnknownOutcome(logger, invitationId, e.Message);
            return await SettleUnknownAsync(sender, invitationId, sender.ProviderAccountId, recipient, day, attempts, queued);
        }

        if (!answer.Succeeded && queued && MayWaitForAccount(answer.Error!, requeues))
            return await RequeueAsync(sender, invitationId, answer.Error!, day);
        if (!answer.Succeeded)
        {
            await using var session = store.LightweightSession();
            session.TenantId = sender.KeyId;
            var now = clock.GetUtcNow();
            session.Events.Append(invitationId, new InvitationFailed(invitationId, sender.AccountId, sender.KeyId, sender.SeatId, Reason(answer.Error!), answer.Error!.Type, now));
            session.Events.Append(DailyQuota.StreamId(sender.SenderKey, day), new QuotaSlotReleased(sender.SenderKey, day, invitationId, now));
            await session.SaveChangesAsync(CancellationToken.None);
            return new SendOutcome.Refused(invitationId, answer.Error);
        }

        await RecordSentAsync(sender, invitationId, answer.Value!.InvitationId, usage);
        return new SendOutcome.Sent(invitationId, usage);
    }

    /// <summary>The provider did not say: list what is pending there. Found → sent; not found → not sent; no answer → still unknown.</summary>
    private async Task<SendOutcome> SettleUnknownAsync(SenderView sender, string invitationId, string providerAccountId, string recipient, DateOnly day,
        int attempts, bool queued)
    {
        string? found;
        try
        {
            found = await FindPendingAsync(providerAccountId, recipient);
        }
        catch (ProviderUnavailableException e)
        {
            LogStillUnknown(logger, invitationId, e.Message);
            return new SendOutcome.Unavailable(invitationId,
                "The provider did not answer; whether the invitation went out is not known yet. It is reconciled with the provider and never sent twice.");
        }

        if (found is not null)
        {
            await RecordSentAsync(sender, invitationId, found, usage: null);
            return new SendOutcome.Sent(invitationId, null);
        }

        await using var session = store.LightweightSession();
        session.TenantId = sender.KeyId;
        var now = clock.GetUtcNow();
        if (queued && attempts < options.Value.MaxQueuedAttempts)
            session.Events.Append(invitationId, new InvitationRequeued(invitationId, "provider_unavailable", now));
        else
            session.Events.Append(invitationId, new InvitationFailed(invitationId, sender.AccountId, sender.KeyId, sender.SeatId, "provider_unavailable", null, now));
        session.Events.Append(DailyQuota.StreamId(sender.SenderKey, day), new QuotaSlotReleased(sender.SenderKey, day, invitationId, now));
        await session.SaveChangesAsync(CancellationToken.None);
        return new SendOutcome.Unavailable(invitationId, "The provider did not answer and the invitation was not sent.");
    }

    private async Task<string?> FindPendingAsync(string providerAccountId, string recipient)
    {
        string? cursor = null;
        for (var page = 0; page < MaxReconcilePages; page++)
        {
            var answer = await provider.ListSentInvitationsAsync(providerAccountId, cursor, CancellationToken.None);
            if (!answer.Succeeded)
                throw new ProviderUnavailableException($"The provider refused the list of sent invitations ({answer.Error!.Type}).");
            if (answer.Value!.Items.FirstOrDefault(i => i.InvitedUserId == recipient) is { } match)
                return match.InvitationId;
            if ((cursor = answer.Value.Cursor) is null)
                return null;
        }
        return null;
    }

    private async Task RecordSentAsync(SenderView sender, string invitationId, string providerInvitationId, int? usage)
    {
        await using var session = store.LightweightSession();
        session.TenantId = sender.KeyId;
        session.Events.Append(invitationId, new InvitationSent(invitationId, sender.AccountId, sender.KeyId, sender.SeatId, sender.ProviderAccountId,
            providerInvitationId, usage, clock.GetUtcNow()));
        await session.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// A queued send refused because of the account rather than the person (401, or 404 for an account LinkedIn forgot):
    /// identity-service logs a suspended or deleted seat out at the provider, and that can happen before its message
    /// reaches us. The send waits (a few times at most) instead of failing; the stop message then pauses the queue.
    /// </summary>
    private bool MayWaitForAccount(ProviderError error, int requeues) =>
        error.Status is StatusCodes.Status401Unauthorized or StatusCodes.Status404NotFound && requeues < options.Value.MaxQueuedAttempts;

    private async Task<SendOutcome> RequeueAsync(SenderView sender, string invitationId, ProviderError error, DateOnly? releaseDay)
    {
        await using var session = store.LightweightSession();
        session.TenantId = sender.KeyId;
        var now = clock.GetUtcNow();
        session.Events.Append(invitationId, new InvitationRequeued(invitationId, Reason(error), now));
        if (releaseDay is { } day)
            session.Events.Append(DailyQuota.StreamId(sender.SenderKey, day), new QuotaSlotReleased(sender.SenderKey, day, invitationId, now));
        await session.SaveChangesAsync(CancellationToken.None);
        return new SendOutcome.Paused(error.Detail);
    }

    private async Task<SendOutcome> FailAsync(SenderView sender, Invitation invitation, ProviderError error, DateOnly? releaseDay)
    {
        await using var session = store.LightweightSession();
        session.TenantId = sender.KeyId;
        var now = clock.GetUtcNow();
        session.Events.Append(invitation.Id, new InvitationFailed(invitation.Id, sender.AccountId, sender.KeyId, sender.SeatId, Reason(error), error.Type, now));
        if (releaseDay is { } day)
            session.Events.Append(DailyQuota.StreamId(sender.SenderKey, day), new QuotaSlotReleased(sender.SenderKey, day, invitation.Id, now));
        await session.SaveChangesAsync(CancellationToken.None);
        return new SendOutcome.Refused(invitation.Id, error);
    }

    private static string Reason(ProviderError error) => error.Type.Length > 0 ? error.Type.Replace("errors/", "", StringComparison.Ordinal) : $"provider_{error.Status}";

    private static async Task<T?> TryAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (ProviderUnavailableException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invitation {InvitationId}: the provider's answer to the send was lost ({Why}); reconciling")]
    private static partial void LogUnknownOutcome(ILogger logger, string invitationId, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invitation {InvitationId}: still unknown whether it was sent ({Why}); it will be reconciled later")]
    private static partial void LogStillUnknown(ILogger logger, string invitationId, string why);
}
