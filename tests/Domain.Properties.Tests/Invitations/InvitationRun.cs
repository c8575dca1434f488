using Outreach.Domain.Properties.Tests.Support;
using Outreach.InvitationService.Invitations;

namespace Outreach.Domain.Properties.Tests.Invitations;

/// <summary>One invitation's stream and the aggregate it builds.</summary>
public sealed class InvitationHistory(string id, bool queued)
{
    public string Id { get; } = id;
    public bool Queued { get; } = queued;
    public Invitation Invitation { get; } = new();
    public List<object> Log { get; } = [];
}

/// <summary>A slot taken: how many were used before it, and the usage the send would report.</summary>
public sealed record SlotTake(string InvitationId, int UsedBefore, int Limit, int? Usage);

public sealed record InvitationStep(InvitationCommand Command, string? InvitationId, string? StatusBefore, string? StatusAfter,
    IReadOnlyList<object> Appended, string? StateBefore, string? StateAfter)
{
    public bool Refused => Appended.Count == 0;
}

/// <summary>
/// Runs a sender's day the way InvitationDispatcher does, one send at a time (its sender gate serialises them):
/// look at the quota, take a slot and record the attempt together, then record the provider's outcome. Every
/// decision is the domain's own (Invitation.CanStartSend, DailyQuota.HasRoom, the quota's usage report, …).
/// </summary>
public sealed class InvitationRun
{
    private const string Sender = "seat_property";
    private const int MaxQueuedAttempts = 3; // InvitationOptions' default
    private static readonly DateOnly Day = new(2026, 1, 5);
    private static readonly DateTimeOffset Midnight = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private InvitationRun(int limit) => Limit = limit;

    public int Limit { get; }
    public DailyQuota Quota { get; } = new();
    public List<object> QuotaLog { get; } = [];
    public List<InvitationHistory> Invitations { get; } = [];
    public List<SlotTake> Takes { get; } = [];
    public List<InvitationStep> Steps { get; } = [];
    public List<int> UsedAfterEachStep { get; } = [];

    public static InvitationRun Of(SenderDay day)
    {
        var run = new InvitationRun(day.Limit);
        for (var i = 0; i < day.Script.Commands.Count; i++)
            run.Execute(day.Script.Commands[i], Midnight.AddMinutes(i + 1));
        return run;
    }

    private void Execute(InvitationCommand command, DateTimeOffset now)
    {
        var target = command switch
        {
            SendQueued c => Pick(c.Pick),
            Reconcile c => Pick(c.Pick),
            Withdraw c => Pick(c.Pick),
            Accept c => Pick(c.Pick),
            Cancel c => Pick(c.Pick),
            _ => null,
        };
        var before = target?.Invitation.Status;
        var stateBefore = target is null ? null : Aggregates.StateOf(target.Invitation);
        var appended = new List<object>();
        var subject = Decide(command, target, now, appended) ?? target;
        Steps.Add(new InvitationStep(command, subject?.Id, before, subject?.Invitation.Status, appended, stateBefore,
            subject is null ? null : Aggregates.StateOf(subject.Invitation)));
        UsedAfterEachStep.Add(Quota.Used);
    }

    private InvitationHistory? Pick(int pick) => Invitations.Count == 0 ? null : Invitations[pick % Invitations.Count];

    /// <summary>Appends what the command records; answers the invitation a new send created.</summary>
    private InvitationHistory? Decide(InvitationCommand command, InvitationHistory? target, DateTimeOffset now, List<object> appended)
    {
        switch (command)
        {
            case Enqueue:
                var queued = New(queued: true, now, appended);
                return queued;
            case SendNow c:
                // A direct send records nothing at all when the day is full: the caller gets 429.
                if (!DailyQuota.HasRoom(Quota.Used, Limit))
                    return null;
                var direct = New(queued: false, now, appended);
                Send(direct, c.Reply, now, appended);
                return direct;
            case SendQueued c when target is { Invitation.CanStartSend: true } && DailyQuota.HasRoom(Quota.Used, Limit):
                Send(target, c.Reply, now, appended);
                break;
            case Reconcile c when target is { Invitation.IsAwaitingOutcome: true }:
                Settle(target, c.Reply is ProviderReply.Sent or ProviderReply.LostButFound ? ProviderReply.LostButFound
                    : c.Reply == ProviderReply.LostAndNoAnswer ? ProviderReply.LostAndNoAnswer : ProviderReply.LostAndNotFound, usage: null, now, appended);
                break;
            case Withdraw when target is { Invitation.CanBeWithdrawn: true }:
                Append(target, new InvitationWithdrawn(target.Id, "key_a", now), appended);
                break;
            case Accept when target is { Invitation.CanBeAccepted: true }:
                Append(target, new InvitationAccepted(target.Id, "acc_a", "key_a", Sender, "prov_a", now), appended);
                break;
            case Cancel when target is { Invitation.CanBeCancelled: true }:
                Append(target, new InvitationCancelled(target.Id, "key_a", "seat_disconnected", now), appended);
                break;
        }
        return null;
    }

    private InvitationHistory New(bool queued, DateTimeOffset now, List<object> appended)
    {
        var stream = new InvitationHistory($"inv_{Invitations.Count + 1}", queued);
        Invitations.Add(stream);
        Append(stream, new InvitationRequested(stream.Id, "acc_a", "key_a", Sender, "idn_a", Sender, queued ? null : $"prov_r{Invitations.Count}",
            queued ? $"person-{Invitations.Count}" : null, null, null, queued ? "bat_a" : null, now), appended);
        return stream;
    }

    /// <summary>The slot and the attempt in one commit, then the provider's answer.</summary>
    private void Send(InvitationHistory stream, ProviderReply reply, DateTimeOffset now, List<object> appended)
    {
        var usage = Quota.UsageIfTaken(Limit);
        Takes.Add(new SlotTake(stream.Id, Quota.Used, Limit, usage));
        AppendQuota(new QuotaSlotTaken(Sender, Day, stream.Id, Limit, now), appended);
        Append(stream, new InvitationSendStarted(stream.Id, "prov_a", $"prov_{stream.Id}", Day, now), appended);
        Settle(stream, reply, usage, now, appended);
    }

    private void Settle(InvitationHistory stream, ProviderReply reply, int? usage, DateTimeOffset now, List<object> appended)
    {
        var invitation = stream.Invitation;
        switch (reply)
        {
            case ProviderReply.Sent:
                Append(stream, new InvitationSent(stream.Id, "acc_a", "key_a", Sender, "prov_a", $"li_{stream.Id}", usage, now), appended);
                break;
            case ProviderReply.LostButFound:
                Append(stream, new InvitationSent(stream.Id, "acc_a", "key_a", Sender, "prov_a", $"li_{stream.Id}", null, now), appended);
                break;
            case ProviderReply.LostAndNoAnswer:
                break; // stays sending, its slot held, until the reconciler hears from the provider
            case ProviderReply.RefusedForTheAccount when stream.Queued && invitation.Requeues < MaxQueuedAttempts:
            case ProviderReply.LostAndNotFound when stream.Queued && invitation.Attempts < MaxQueuedAttempts:
                Append(stream, new InvitationRequeued(stream.Id, "provider_unavailable", now), appended);
                AppendQuota(new QuotaSlotReleased(Sender, Day, stream.Id, now), appended);
                break;
            default:
                Append(stream, new InvitationFailed(stream.Id, "acc_a", "key_a", Sender, "provider_refused", null, now), appended);
                AppendQuota(new QuotaSlotReleased(Sender, Day, stream.Id, now), appended);
                break;
        }
    }

    private static void Append(InvitationHistory stream, object e, List<object> appended)
    {
        Aggregates.Apply(stream.Invitation, e);
        stream.Log.Add(e);
        appended.Add(e);
    }

    private void AppendQuota(object e, List<object> appended)
    {
        Aggregates.Apply(Quota, e);
        QuotaLog.Add(e);
        appended.Add(e);
    }
}
