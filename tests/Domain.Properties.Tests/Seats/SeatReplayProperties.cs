using Outreach.Domain.Properties.Tests.Support;
using Outreach.SeatService.Seats;

namespace Outreach.Domain.Properties.Tests.Seats;

/// <summary>Rebuilding a seat from its stored events gives the seat the commands decided on, at every point of its life.</summary>
[Properties(Arbitrary = [typeof(SeatScripts)], MaxTest = 200)]
public sealed class SeatReplayProperties
{
    [Property]
    public void Replaying_the_stream_gives_the_state_each_command_saw(Script<SeatCommand> script)
    {
        var run = SeatRun.Of(script);
        var length = 2; // SeatAdded and its first ConnectLinkIssued
        foreach (var step in run.Steps)
        {
            length += step.Events.Count;
            Aggregates.StateOf(Aggregates.Fold<Seat>(run.Log.Take(length))).ShouldBe(step.StateAfter, $"after {step.Command}");
        }
        Aggregates.StateOf(Aggregates.Fold<Seat>(run.Log)).ShouldBe(Aggregates.StateOf(run.Seat));
    }
}
