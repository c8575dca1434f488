using Outreach.LinkedInSandbox.Invitations;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Invitations;

/// <summary>
/// The acceptance dice, directly: a rate and delays that hold over many invitations, and the same outcome for the
/// same id every time (what makes a run repeat). Over HTTP this would take many seconds of waiting.
/// </summary>
public sealed class AcceptancePlanTests
{
    private static readonly DateTimeOffset SentAt = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void About_the_configured_share_of_untagged_people_accept_between_the_delay_and_ten_times_it()
    {
        var options = new SandboxOptions { AcceptanceRate = 0.3, AcceptanceDelayMs = 2000 };
        var ids = Enumerable.Range(0, 2000).Select(i => InvitationIds.For("member", i, "someone", 0)).ToList();

        var plans = ids.Select(id => AcceptancePlan.AcceptsAt(id, "someone", SentAt, options)).ToList();

        plans.Count(plan => plan is not null).ShouldBeInRange(500, 700);
        plans.Where(plan => plan is not null).ShouldAllBe(plan =>
            plan >= SentAt + TimeSpan.FromSeconds(2) && plan <= SentAt + TimeSpan.FromSeconds(20));
        ids.Select(id => AcceptancePlan.AcceptsAt(id, "someone", SentAt, options)).ShouldBe(plans);
    }

    [Fact]
    public void An_accepts_tagged_person_always_accepts_after_exactly_the_delay_and_a_rate_of_zero_accepts_nobody_else()
    {
        var options = new SandboxOptions { AcceptanceRate = 0, AcceptanceDelayMs = 200 };
        var ids = Enumerable.Range(0, 200).Select(i => InvitationIds.For("member", i, "x", 0)).ToList();

        ids.ShouldAllBe(id => AcceptancePlan.AcceptsAt(id, "accepts-jane", SentAt, options) == SentAt + TimeSpan.FromMilliseconds(200));
        ids.ShouldAllBe(id => AcceptancePlan.AcceptsAt(id, "jane", SentAt, options) == null);
    }

    [Fact]
    public void Invitation_ids_are_19_digits_and_the_same_for_the_same_send()
    {
        var id = InvitationIds.For("member", 1, "jane", 0);

        id.Length.ShouldBe(19);
        id.ShouldAllBe(c => char.IsAsciiDigit(c));
        InvitationIds.For("member", 1, "jane", 0).ShouldBe(id);
        InvitationIds.For("member", 2, "jane", 0).ShouldNotBe(id);
    }
}
