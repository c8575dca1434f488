using Outreach.Domain.Properties.Tests.Support;
using Outreach.SeatService.Seats;

namespace Outreach.Domain.Properties.Tests.Seats;

/// <summary>A command is taken exactly when the documented rule allows it; a refused one appends nothing and changes nothing.</summary>
[Properties(Arbitrary = [typeof(SeatScripts)], MaxTest = 300)]
public sealed class SeatRefusalProperties
{
    [Property]
    public void Each_action_is_taken_exactly_when_its_rule_allows_it(Script<SeatCommand> script)
    {
        foreach (var step in SeatRun.Of(script).Steps)
        {
            if (Rule(step) is not { } allowed)
                continue;
            step.Refused.ShouldBe(!allowed, $"{step.Command} on a {step.Before} seat");
        }
    }

    [Property]
    public void A_refused_command_appends_nothing_and_leaves_the_seat_as_it_was(Script<SeatCommand> script)
    {
        foreach (var step in SeatRun.Of(script).Steps.Where(s => s.Refused))
            step.StateAfter.ShouldBe(step.StateBefore, $"refused {step.Command} changed the seat");
    }

    [Property]
    public void Setting_the_limit_it_already_has_records_nothing(Script<SeatCommand> script)
    {
        var run = SeatRun.Of(script);
        foreach (var step in run.Steps.Where(s => s.Command is SetDailyLimit && !s.Refused))
            step.Events.Count.ShouldBe(step.StateBefore == step.StateAfter ? 0 : 1, $"{step.Command}");
        run.Log.OfType<SeatDailyLimitChanged>().ShouldAllBe(e => DailyLimits.IsValid(e.DailyLimit));
    }

    /// <summary>The user-management rules (README) and the consumers' rules, written out independently of the domain's code.</summary>
    private static bool? Rule(SeatStep step) => step.Command switch
    {
        Suspend => step.Before is SeatStatus.Active or SeatStatus.Disconnected,
        Unsuspend => step.Before == SeatStatus.Suspended,
        Disconnect => step.Before != SeatStatus.Deleted,
        Migrate m => step.Before != SeatStatus.Deleted && m.ToKeyId != step.KeyBefore,
        SetDailyLimit s => step.Before != SeatStatus.Deleted && s.Limit is >= 1 and <= 100,
        LinkedInConnected c => step.Before is not (SeatStatus.Deleted or SeatStatus.Suspended) && c.SameTenant,
        LinkedInDropped d => step.Before == SeatStatus.Active && d.SameTenant,
        _ => null, // the onboarding steps' own conditions are covered by the status properties
    };
}
