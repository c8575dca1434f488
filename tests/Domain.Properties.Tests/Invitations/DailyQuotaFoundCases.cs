using Outreach.Domain.Properties.Tests.Support;
using Outreach.InvitationService.Invitations;

namespace Outreach.Domain.Properties.Tests.Invitations;

/// <summary>Cases the quota properties found, kept as plain examples.</summary>
public sealed class DailyQuotaFoundCases
{
    /// <summary>
    /// Found by Each_threshold_is_reported_at_most_once_a_day (seed 8735991435786081568,7584899302331210491, shrunk
    /// to six steps). Limit 4: the first send's outcome is lost and it holds slot 1; the second takes slot 2 and
    /// reports 50 %; the reconciler finds the first was never sent and gives its slot back; the next send takes slot 2
    /// again and reported 50 % a second time.
    /// </summary>
    [Fact]
    public void A_slot_given_back_after_a_threshold_was_reported_does_not_report_it_again()
    {
        var run = InvitationRun.Of(new SenderDay(4, new Script<InvitationCommand>([
            new SendNow(ProviderReply.LostAndNoAnswer), new SendNow(ProviderReply.Sent), new Enqueue(),
            new Reconcile(0, ProviderReply.RefusedForTheAccount), new Enqueue(), new SendQueued(3, ProviderReply.Sent),
        ])));

        var sent = run.Invitations.SelectMany(i => i.Log).OfType<InvitationSent>().ToList();
        sent.Select(s => s.InvitationId).ShouldBe(["inv_2", "inv_4"]);
        sent.Select(s => s.Usage).ShouldBe([50, null]);
    }

    /// <summary>The other half of the same rule: a threshold whose send was refused is still reported by the next one that crosses it.</summary>
    [Fact]
    public void A_threshold_crossed_by_a_refused_send_is_reported_by_the_next_send_that_crosses_it()
    {
        var run = InvitationRun.Of(new SenderDay(4, new Script<InvitationCommand>([
            new SendNow(ProviderReply.Sent), new SendNow(ProviderReply.Refused), new SendNow(ProviderReply.Sent),
        ])));

        run.Invitations.SelectMany(i => i.Log).OfType<InvitationSent>().Select(s => (s.InvitationId, s.Usage))
            .ShouldBe([("inv_1", (int?)null), ("inv_3", 50)]);
    }
}
