using Outreach.Domain.Properties.Tests.Support;
using Outreach.InvitationService.Invitations;

namespace Outreach.Domain.Properties.Tests.Invitations;

/// <summary>queued → sending → sent / failed (or queued again); queued or sent → withdrawn; sent → accepted; queued → cancelled.</summary>
[Properties(Arbitrary = [typeof(InvitationScripts)], MaxTest = 300)]
public sealed class InvitationStatusProperties
{
    private static readonly Dictionary<Type, (string From, string To)[]> Allowed = new()
    {
        [typeof(InvitationSendStarted)] = [(InvitationStatus.Queued, InvitationStatus.Sending)],
        [typeof(InvitationSent)] = [(InvitationStatus.Sending, InvitationStatus.Sent)],
        [typeof(InvitationFailed)] = [(InvitationStatus.Sending, InvitationStatus.Failed), (InvitationStatus.Queued, InvitationStatus.Failed)],
        [typeof(InvitationRequeued)] = [(InvitationStatus.Sending, InvitationStatus.Queued)],
        [typeof(InvitationWithdrawn)] = [(InvitationStatus.Queued, InvitationStatus.Withdrawn), (InvitationStatus.Sent, InvitationStatus.Withdrawn)],
        [typeof(InvitationAccepted)] = [(InvitationStatus.Sent, InvitationStatus.Accepted)],
        [typeof(InvitationCancelled)] = [(InvitationStatus.Queued, InvitationStatus.Cancelled)],
    };

    [Property]
    public void Every_status_change_is_an_allowed_one(SenderDay day)
    {
        foreach (var stream in InvitationRun.Of(day).Invitations)
        {
            var replay = new Invitation();
            Aggregates.Apply(replay, stream.Log[0]);
            replay.Status.ShouldBe(InvitationStatus.Queued);
            foreach (var e in stream.Log.Skip(1))
            {
                var before = replay.Status;
                Aggregates.Apply(replay, e);
                InvitationStatus.All.ShouldContain(replay.Status);
                Allowed[e.GetType()].ShouldContain((before, replay.Status), $"{e.GetType().Name} took {stream.Id} from {before} to {replay.Status}");
            }
        }
    }

    [Property]
    public void A_withdrawn_invitation_never_becomes_sent(SenderDay day)
    {
        foreach (var stream in InvitationRun.Of(day).Invitations)
            stream.Log.SkipWhile(e => e is not InvitationWithdrawn).Skip(1).ShouldBeEmpty($"{stream.Id} changed after its withdrawal");
    }

    [Property]
    public void Failed_accepted_and_cancelled_are_final(SenderDay day)
    {
        foreach (var stream in InvitationRun.Of(day).Invitations)
            stream.Log.SkipWhile(e => e is not (InvitationFailed or InvitationAccepted or InvitationCancelled)).Skip(1)
                .ShouldBeEmpty($"{stream.Id} changed after it was final");
    }

    [Property]
    public void A_refused_command_records_nothing_and_changes_nothing(SenderDay day)
    {
        foreach (var step in InvitationRun.Of(day).Steps.Where(s => s.Refused && s.StateBefore is not null))
            step.StateAfter.ShouldBe(step.StateBefore, $"refused {step.Command} changed {step.InvitationId}");
    }

    [Property]
    public void Replaying_each_stream_gives_the_state_the_sends_saw(SenderDay day)
    {
        var run = InvitationRun.Of(day);
        foreach (var stream in run.Invitations)
            Aggregates.StateOf(Aggregates.Fold<Invitation>(stream.Log)).ShouldBe(Aggregates.StateOf(stream.Invitation));
        Aggregates.StateOf(Aggregates.Fold<DailyQuota>(run.QuotaLog)).ShouldBe(Aggregates.StateOf(run.Quota));
    }
}
