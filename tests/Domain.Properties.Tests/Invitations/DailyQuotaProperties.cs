namespace Outreach.Domain.Properties.Tests.Invitations;

/// <summary>For any schedule of sends within a day: never more than the daily limit, each usage threshold reported once.</summary>
[Properties(Arbitrary = [typeof(InvitationScripts)], MaxTest = 300)]
public sealed class DailyQuotaProperties
{
    private static readonly int[] Thresholds = [50, 75, 90, 95];

    [Property]
    public void The_day_never_sends_more_than_its_limit(SenderDay day)
    {
        var run = InvitationRun.Of(day);
        run.UsedAfterEachStep.ShouldAllBe(used => used <= day.Limit);
        run.Invitations.Count(i => i.Log.OfType<Outreach.InvitationService.Invitations.InvitationSent>().Any()).ShouldBeLessThanOrEqualTo(day.Limit);
    }

    /// <summary>The slots held are exactly the sends in flight and the ones that went out: a refused or requeued send gives its slot back.</summary>
    [Property]
    public void Slots_held_are_the_sends_in_flight_and_sent(SenderDay day)
    {
        var run = InvitationRun.Of(day);
        var holding = run.Invitations.Where(i => i.Invitation.IsAwaitingOutcome || i.Log.OfType<Outreach.InvitationService.Invitations.InvitationSent>().Any());
        run.Quota.Used.ShouldBe(holding.Count());
        holding.ShouldAllBe(i => run.Quota.Holds(i.Id));
    }

    /// <summary>
    /// README: usage "appears only when a send crosses 50, 75, 90 or 95 % of the day's limit". A threshold is reported
    /// by at most one invitation that went out, however sends fail, come back to the queue or settle late.
    /// </summary>
    [Property]
    public void Each_threshold_is_reported_at_most_once_a_day(SenderDay day)
    {
        var run = InvitationRun.Of(day);
        var reported = new Dictionary<int, string>();
        foreach (var sent in run.Invitations.SelectMany(i => i.Log).OfType<Outreach.InvitationService.Invitations.InvitationSent>().Where(s => s.Usage is not null))
        {
            // The take that carried this report: the invitation's last one before it was sent.
            var take = run.Takes.Last(t => t.InvitationId == sent.InvitationId && t.Usage == sent.Usage);
            foreach (var threshold in Crossed(take.UsedBefore, take.Limit))
            {
                reported.TryGetValue(threshold, out var earlier).ShouldBeFalse(
                    $"{threshold} % was reported by {earlier} and again by {sent.InvitationId} ({sent.Usage} %)");
                reported[threshold] = sent.InvitationId;
            }
        }
    }

    [Property]
    public void A_reported_usage_is_the_percentage_used_after_that_send(SenderDay day)
    {
        foreach (var take in InvitationRun.Of(day).Takes.Where(t => t.Usage is not null))
        {
            take.Usage.ShouldBe((take.UsedBefore + 1) * 100 / take.Limit);
            Crossed(take.UsedBefore, take.Limit).ShouldNotBeEmpty();
        }
    }

    private static IEnumerable<int> Crossed(int before, int limit) =>
        Thresholds.Where(t => before * 100 < t * limit && (before + 1) * 100 >= t * limit);
}
